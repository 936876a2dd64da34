/**
 * Cross-file rules that a per-entry schema cannot check. Astro only logs some of these problems
 * (a duplicate id is a warning, a dangling reference a log line), so the build calls
 * `checkIntegrity` and throws when it returns anything: one message per problem, each naming
 * the file, the field and the fix. The messages are the catalog in content-errors.ts.
 *
 * Pure: it takes plain records, so unit tests and build fixtures exercise the same code.
 */
import { normalizeCode } from './codes';
import * as E from './content-errors';
import { problem } from './content-errors';

export interface FileRef {
  /** Path of the file relative to the project root, e.g. content/codes/run-error/failed-connection.yaml */
  file: string;
}
export interface CodeRecord extends FileRef {
  slug: string;
  code: string;
  kind: string;
  eventSource?: string;
  steps: string[];
  aliases: string[];
  /** Exception classes that lead to this code (`exceptions:` in content). */
  exceptions?: string[] | undefined;
  deprecatedBy?: string;
}
export interface StepRecord extends FileRef {
  slug: string;
  order: number;
  codes: string[];
}
export interface TranslationRecord extends FileRef {
  slug: string;
}
/** content/diagram.yaml: the links of the sync-flow diagram, by key. */
export interface DiagramRecord extends FileRef {
  links: { key: string; step?: string | undefined; code?: string | undefined }[];
}
export interface ContentFiles {
  /** Every content file on disk, by collection folder, relative to the project root. */
  codes: string[];
  steps: string[];
  stepsSv: string[];
  releases: string[];
  /** content/diagram.yaml when it exists (a site without it has no diagram). */
  diagram?: string[];
}
export interface IntegrityInput {
  codes: CodeRecord[];
  steps: StepRecord[];
  stepsSv: TranslationRecord[];
  releases: FileRef[];
  /** The diagram, when content/diagram.yaml was loaded. */
  diagram?: DiagramRecord | undefined;
  /** Files on disk, to find files that the loader skipped (YAML syntax errors, duplicate ids). */
  files: ContentFiles;
  /** Parses one data file and returns its error text, or undefined when it parses. */
  parseError?: (file: string) => string | undefined;
}

export { ContentIntegrityError } from './content-errors';

/** Slug a code record's file must have: the code itself, or <source>-event-<id> for event IDs. */
export function expectedSlugPattern(kind: string, code: string): RegExp {
  const esc = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return kind === 'event-id' ? new RegExp(`^[a-z0-9]+-event-${esc}$`) : new RegExp(`^${esc}$`);
}

/** Returns every problem found; an empty list means the content is sound. */
export function checkIntegrity(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const { codes, steps, stepsSv, releases, files, diagram } = input;

  // 1. Files the loader skipped: a YAML syntax error, or two files with the same id.
  const diagrams = diagram ? [diagram] : [];
  const loaded = new Set([...codes, ...steps, ...stepsSv, ...releases, ...diagrams].map((r) => r.file));
  const byFolder: [keyof ContentFiles, { slug?: string; file: string }[]][] = [
    ['codes', codes],
    ['steps', steps],
    ['stepsSv', stepsSv],
    ['releases', releases],
    ['diagram', diagrams],
  ];
  for (const [folder, records] of byFolder) {
    for (const file of files[folder] ?? []) {
      if (loaded.has(file)) continue;
      const parseError = input.parseError?.(file);
      if (parseError) {
        problems.push(problem(E.InvalidYaml, { file, detail: parseError }));
        continue;
      }
      const base = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      const twin = records.find((r) => r.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') === base);
      problems.push(
        twin
          ? problem(E.DuplicateFileName, { file, name: base, other: twin.file })
          : problem(E.FileNotLoaded, { file }),
      );
    }
  }

  // 2. Empty collections.
  const empties: [string, unknown[], string][] = [
    ['content/codes/', codes, 'add at least one code record, content/codes/<kind>/<slug>.yaml'],
    ['content/steps/en/', steps, 'add at least one step, content/steps/en/<step-id>.mdx'],
    ['content/releases/', releases, 'add at least one build, content/releases/<line>/<version>.yaml'],
  ];
  for (const [folder, records, add] of empties) {
    if (records.length === 0) problems.push(problem(E.EmptyCollection, { folder, add }));
  }

  // 3. Slugs follow the code, and codes are unique (a code is unique per kind and event source).
  const stepSlugs = new Set(steps.map((s) => s.slug));
  const codeSlugs = new Set(codes.map((c) => c.slug));
  const seen = new Map<string, CodeRecord>();
  const slugOwner = new Map<string, string>();
  for (const c of codes) {
    const sameSlug = slugOwner.get(c.slug);
    if (sameSlug)
      problems.push(problem(E.DuplicateCodeSlug, { file: c.file, slug: c.slug, other: sameSlug }));
    slugOwner.set(c.slug, c.file);
    if (!expectedSlugPattern(c.kind, c.code).test(c.slug)) {
      const want =
        c.kind === 'event-id'
          ? `<source>-event-${c.code}.yaml, for example pcns-event-${c.code}.yaml`
          : `${c.code}.yaml`;
      problems.push(problem(E.CodeFileName, { file: c.file, code: c.code, slug: c.slug, want }));
    }
    const key = `${c.kind}\u0000${c.code}\u0000${c.eventSource ?? ''}`;
    const prev = seen.get(key);
    if (prev) {
      const what = `${c.kind}${c.eventSource ? `, source ${c.eventSource}` : ''}`;
      problems.push(problem(E.DuplicateCode, { file: c.file, code: c.code, what, other: prev.file }));
    } else seen.set(key, c);
  }

  // 4. Aliases never shadow a code or another alias.
  const owner = new Map<string, string>();
  for (const c of codes) owner.set(c.code, c.file);
  for (const c of codes) {
    c.aliases.forEach((alias, i) => {
      const n = normalizeCode(alias);
      const other = owner.get(n);
      if (!n) problems.push(problem(E.EmptyAlias, { file: c.file, index: i }));
      else if (other && other !== c.file)
        problems.push(problem(E.ShadowingAlias, { file: c.file, index: i, alias, other }));
      else owner.set(n, c.file);
    });
  }

  // 4b. An exception class leads to one code only: the lookup could not choose between two.
  const thrower = new Map<string, string>();
  for (const c of codes)
    (c.exceptions ?? []).forEach((name, i) => {
      const other = thrower.get(name);
      if (other && other !== c.file)
        problems.push(problem(E.DuplicateException, { file: c.file, index: i, name, other }));
      else thrower.set(name, c.file);
    });

  // 5. References resolve.
  for (const c of codes) {
    c.steps.forEach((s, i) => {
      if (!stepSlugs.has(s))
        problems.push(
          problem(E.MissingStep, { file: c.file, field: `steps[${i}]`, step: s, steps: stepSlugs }),
        );
    });
    if (c.deprecatedBy && !codeSlugs.has(c.deprecatedBy))
      problems.push(problem(E.MissingReplacement, { file: c.file, code: c.deprecatedBy }));
  }
  for (const s of steps) {
    s.codes.forEach((code, i) => {
      if (!codeSlugs.has(code))
        problems.push(
          problem(E.MissingCode, {
            file: s.file,
            field: `codes[${i}]`,
            code,
            examples: [...codeSlugs].slice(0, 3),
          }),
        );
    });
  }

  // The sync-flow diagram links a step or a code from each chip.
  for (const d of diagrams) {
    for (const l of d.links) {
      if (l.step !== undefined && !stepSlugs.has(l.step))
        problems.push(
          problem(E.MissingStep, {
            file: d.file,
            field: `links.${l.key}.step`,
            step: l.step,
            steps: stepSlugs,
          }),
        );
      if (l.code !== undefined && !codeSlugs.has(l.code))
        problems.push(problem(E.MissingCode, { file: d.file, field: `links.${l.key}.code`, code: l.code }));
    }
  }

  // 6. Unique order in the guide.
  const orders = new Map<number, string>();
  for (const s of steps) {
    const prev = orders.get(s.order);
    if (prev) problems.push(problem(E.DuplicateOrder, { file: s.file, order: s.order, other: prev }));
    else orders.set(s.order, s.file);
  }

  // 7. Every step is translated, and no translation is orphaned.
  const svSlugs = new Set(stepsSv.map((s) => s.slug));
  for (const s of steps) {
    if (!svSlugs.has(s.slug)) problems.push(problem(E.MissingTranslation, { file: s.file, slug: s.slug }));
  }
  for (const t of stepsSv) {
    if (!stepSlugs.has(t.slug)) problems.push(problem(E.OrphanTranslation, { file: t.file, slug: t.slug }));
  }
  return problems;
}
