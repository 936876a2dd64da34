/** The row format every lookup evaluation set shares (fixtures/lookup-eval.README.md). */
export const EVAL_TAGS: ReadonlySet<string> = new Set([
  'no-code',
  'event-viewer-text',
  'event-viewer-xml',
  'run-history',
  'sentence',
  'hresult',
  'build-number',
  'stack-trace',
  'swedish',
]);
export const EVAL_KEYS: ReadonlySet<string> = new Set([
  'id',
  'input',
  'source',
  'expect',
  'also',
  'lang',
  'tags',
  'why',
]);
