/** A catalog row for lookup unit tests: a code with a plain title and no aliases, plus any overrides. */
import type { IndexSource } from '../../src/lib/lookup';

export const src = (
  slug: string,
  code: string,
  kind: IndexSource['kind'],
  extra: Partial<IndexSource> = {},
): IndexSource => ({
  slug,
  code,
  kind,
  title: `Title of ${code}`,
  aliases: [],
  uncertain: false,
  ...extra,
});
