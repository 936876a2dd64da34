/**
 * Cross-file rules that a per-entry schema cannot check. Astro only logs some of these problems
 * (a duplicate id is a warning, a dangling reference a log line), so the build calls
 * `checkIntegrity` and throws when it returns anything: one message per problem, each naming
 * the file, the field and the fix.
 *
 * Pure: it takes plain records, so unit tests and build fixtures exercise the same code.
 */
import { normalizeCode } from './codes';

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

export class ContentIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n\n` +
        problems.map((p) => `- ${p}`).join('\n\n'),
    );
    this.name = 'ContentIntegrityError';
  }
}

const list = (xs: Iterable<string>, max = 12) => {
  const a = [...xs].sort();
  return a.length > max ? `${a.slice(0, max).join(', ')} … (${a.length} in all)` : a.join(', ');
};

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
        problems.push(
          `${file}: the file is not valid YAML, so it was not loaded.\n  ${parseError}\n  Fix: correct the syntax at that line (quote text that contains ": " or starts with a special character).`,
        );
        continue;
      }
      const base = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      const twin = records.find((r) => r.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '') === base);
      problems.push(
        twin
          ? `${file}: the file name "${base}" is already used by ${twin.file}, so one of them was dropped.\n  Fix: file names are the URL slug and must be unique across the folder; rename one of the two files.`
          : `${file}: the file was not loaded.\n  Fix: check that it is a complete record with every required field.`,
      );
    }
  }

  // 2. Empty collections.
  const empties: [string, unknown[], string][] = [
    ['content/codes/', codes, 'add at least one code record, content/codes/<kind>/<slug>.yaml'],
    ['content/steps/en/', steps, 'add at least one step, content/steps/en/<step-id>.mdx'],
    ['content/releases/', releases, 'add at least one build, content/releases/<line>/<version>.yaml'],
  ];
  for (const [folder, records, fix] of empties) {
    if (records.length === 0)
      problems.push(
        `${folder}: the collection is empty, and the site cannot be built without it.\n  Fix: ${fix}.`,
      );
  }

  // 3. Slugs follow the code, and codes are unique (a code is unique per kind and event source).
  const stepSlugs = new Set(steps.map((s) => s.slug));
  const codeSlugs = new Set(codes.map((c) => c.slug));
  const seen = new Map<string, CodeRecord>();
  const slugOwner = new Map<string, string>();
  for (const c of codes) {
    const sameSlug = slugOwner.get(c.slug);
    if (sameSlug)
      problems.push(
        `${c.file}: the file name "${c.slug}" is already used by ${sameSlug}.\n  Fix: the file name is the code's URL (/codes/${c.slug}/) and must be unique; keep one of the two files.`,
      );
    slugOwner.set(c.slug, c.file);
    if (!expectedSlugPattern(c.kind, c.code).test(c.slug)) {
      const want =
        c.kind === 'event-id'
          ? `<source>-event-${c.code}.yaml, for example pcns-event-${c.code}.yaml`
          : `${c.code}.yaml`;
      problems.push(
        `${c.file}: field "code" is "${c.code}" but the file is named "${c.slug}".\n  Fix: the file name is the code's URL; rename the file to ${want}.`,
      );
    }
    const key = `${c.kind}\u0000${c.code}\u0000${c.eventSource ?? ''}`;
    const prev = seen.get(key);
    if (prev) {
      problems.push(
        `${c.file}: field "code" repeats "${c.code}" (${c.kind}${c.eventSource ? `, source ${c.eventSource}` : ''}), which ${prev.file} already defines.\n  Fix: keep one record per code; merge the two files and delete one.`,
      );
    } else seen.set(key, c);
  }

  // 4. Aliases never shadow a code or another alias.
  const owner = new Map<string, string>();
  for (const c of codes) owner.set(c.code, c.file);
  for (const c of codes) {
    c.aliases.forEach((alias, i) => {
      const n = normalizeCode(alias);
      const other = owner.get(n);
      if (!n)
        problems.push(`${c.file}: field "aliases[${i}]" is empty after normalization.\n  Fix: remove it.`);
      else if (other && other !== c.file)
        problems.push(
          `${c.file}: field "aliases[${i}]" ("${alias}") is already a code or alias in ${other}.\n  Fix: an alias must point to one code only; remove it from one of the files.`,
        );
      else owner.set(n, c.file);
    });
  }

  // 5. References resolve.
  for (const c of codes) {
    c.steps.forEach((s, i) => {
      if (!stepSlugs.has(s))
        problems.push(
          `${c.file}: field "steps[${i}]" refers to step "${s}", which does not exist.\n  Fix: use one of: ${list(stepSlugs)}; or create content/steps/en/${s}.mdx.`,
        );
    });
    if (c.deprecatedBy && !codeSlugs.has(c.deprecatedBy))
      problems.push(
        `${c.file}: field "deprecatedBy" refers to code "${c.deprecatedBy}", which does not exist.\n  Fix: name an existing code file (without .yaml).`,
      );
  }
  for (const s of steps) {
    s.codes.forEach((code, i) => {
      if (!codeSlugs.has(code))
        problems.push(
          `${s.file}: field "codes[${i}]" refers to code "${code}", which does not exist.\n  Fix: use the file name of a code under content/codes/ (without .yaml), such as ${list([...codeSlugs].slice(0, 3))}; or add content/codes/<kind>/${code}.yaml.`,
        );
    });
  }

  for (const d of diagrams) {
    for (const l of d.links) {
      if (l.step !== undefined && !stepSlugs.has(l.step))
        problems.push(
          `${d.file}: field "links.${l.key}.step" refers to step "${l.step}", which does not exist.\n  Fix: use one of: ${list(stepSlugs)}; or create content/steps/en/${l.step}.mdx.`,
        );
      if (l.code !== undefined && !codeSlugs.has(l.code))
        problems.push(
          `${d.file}: field "links.${l.key}.code" refers to code "${l.code}", which does not exist.\n  Fix: use the file name of a code under content/codes/ (without .yaml); or add content/codes/<kind>/${l.code}.yaml.`,
        );
    }
  }

  // 6. Unique order in the guide.
  const orders = new Map<number, string>();
  for (const s of steps) {
    const prev = orders.get(s.order);
    if (prev)
      problems.push(
        `${s.file}: field "order" is ${s.order}, the same as ${prev}.\n  Fix: give each step its own position in the guide.`,
      );
    else orders.set(s.order, s.file);
  }

  // 7. Every step is translated, and no translation is orphaned.
  const svSlugs = new Set(stepsSv.map((s) => s.slug));
  for (const s of steps) {
    if (!svSlugs.has(s.slug))
      problems.push(
        `${s.file}: the Swedish translation is missing.\n  Fix: add content/steps/sv/${s.slug}.mdx with title, summary and lastReviewed in its frontmatter and the Swedish text below.`,
      );
  }
  for (const t of stepsSv) {
    if (!stepSlugs.has(t.slug))
      problems.push(
        `${t.file}: this translation has no English step content/steps/en/${t.slug}.mdx.\n  Fix: rename it to match an English step, or add the English step.`,
      );
  }
  return problems;
}
