/**
 * The catalog of the build's content errors, one entry per kind of mistake, as Astro's own
 * errors-data.ts is: a permanent name, a title, the message (what happened, naming the file and
 * the field) and the hint (what to do). src/lib/integrity.ts reports them through problem(), and
 * the build throws them together as one ContentIntegrityError, so every content error reads the
 * same way: "<file>: <message>" and, on the next line, "Fix: <hint>".
 *
 * Writing guide (from Astro's errors/README.md): say what happened and what to do; name the
 * file and the field; never start with "Error:"; an entry's name never changes.
 */

export interface ContentErrorData<A> {
  /** Permanent, PascalCase. */
  name: string;
  /** One line, for a list of errors. */
  title: string;
  /** What happened, starting with the file. */
  message: (args: A) => string;
  /** What to do about it. */
  hint: (args: A) => string;
}

const define = <A>(data: ContentErrorData<A>) => data;
type File = { file: string };
const list = (xs: Iterable<string>, max = 12) => {
  const a = [...xs].sort();
  return a.length > max ? `${a.slice(0, max).join(', ')} … (${a.length} in all)` : a.join(', ');
};

export const InvalidYaml = define<File & { detail: string }>({
  name: 'InvalidYaml',
  title: 'A content file is not valid YAML.',
  message: ({ file, detail }) => `${file}: the file is not valid YAML, so it was not loaded.\n  ${detail}`,
  hint: () =>
    'correct the syntax at that line (quote text that contains ": " or starts with a special character).',
});

export const DuplicateFileName = define<File & { name: string; other: string }>({
  name: 'DuplicateFileName',
  title: 'Two content files have the same name.',
  message: ({ file, name, other }) =>
    `${file}: the file name "${name}" is already used by ${other}, so one of them was dropped.`,
  hint: () =>
    'file names are the URL slug and must be unique across the folder; rename one of the two files.',
});

export const FileNotLoaded = define<File>({
  name: 'FileNotLoaded',
  title: 'A content file was skipped by its loader.',
  message: ({ file }) => `${file}: the file was not loaded.`,
  hint: () => 'check that it is a complete record with every required field.',
});

export const EmptyCollection = define<{ folder: string; add: string }>({
  name: 'EmptyCollection',
  title: 'A collection the site needs is empty.',
  message: ({ folder }) => `${folder}: the collection is empty, and the site cannot be built without it.`,
  hint: ({ add }) => `${add}.`,
});

export const DuplicateCodeSlug = define<File & { slug: string; other: string }>({
  name: 'DuplicateCodeSlug',
  title: 'Two code files have the same name.',
  message: ({ file, slug, other }) => `${file}: the file name "${slug}" is already used by ${other}.`,
  hint: ({ slug }) =>
    `the file name is the code's URL (/codes/${slug}/) and must be unique; keep one of the two files.`,
});

export const CodeFileName = define<File & { code: string; slug: string; want: string }>({
  name: 'CodeFileName',
  title: 'A code file is not named after its code.',
  message: ({ file, code, slug }) => `${file}: field "code" is "${code}" but the file is named "${slug}".`,
  hint: ({ want }) => `the file name is the code's URL; rename the file to ${want}.`,
});

export const DuplicateCode = define<File & { code: string; what: string; other: string }>({
  name: 'DuplicateCode',
  title: 'Two records define the same code.',
  message: ({ file, code, what, other }) =>
    `${file}: field "code" repeats "${code}" (${what}), which ${other} already defines.`,
  hint: () => 'keep one record per code; merge the two files and delete one.',
});

export const EmptyAlias = define<File & { index: number }>({
  name: 'EmptyAlias',
  title: 'An alias is empty.',
  message: ({ file, index }) => `${file}: field "aliases[${index}]" is empty after normalization.`,
  hint: () => 'remove it.',
});

export const ShadowingAlias = define<File & { index: number; alias: string; other: string }>({
  name: 'ShadowingAlias',
  title: 'An alias is already a code or another alias.',
  message: ({ file, index, alias, other }) =>
    `${file}: field "aliases[${index}]" ("${alias}") is already a code or alias in ${other}.`,
  hint: () => 'an alias must point to one code only; remove it from one of the files.',
});

export const DuplicateException = define<File & { index: number; name: string; other: string }>({
  name: 'DuplicateException',
  title: 'An exception class is listed on two codes.',
  message: ({ file, index, name, other }) =>
    `${file}: field "exceptions[${index}]" ("${name}") is already listed in ${other}.`,
  hint: () =>
    'an exception class leads the lookup to one code only; keep it on the code a source says it causes and remove it from the other file.',
});

export const MissingStep = define<File & { field: string; step: string; steps: Iterable<string> }>({
  name: 'MissingStep',
  title: 'A link names a step that does not exist.',
  message: ({ file, field, step }) =>
    `${file}: field "${field}" refers to step "${step}", which does not exist.`,
  hint: ({ step, steps }) => `use one of: ${list(steps)}; or create content/steps/en/${step}.mdx.`,
});

export const MissingReplacement = define<File & { code: string }>({
  name: 'MissingReplacement',
  title: 'A code is deprecated by a code that does not exist.',
  message: ({ file, code }) =>
    `${file}: field "deprecatedBy" refers to code "${code}", which does not exist.`,
  hint: () => 'name an existing code file (without .yaml).',
});

export const MissingCode = define<File & { field: string; code: string; examples?: Iterable<string> }>({
  name: 'MissingCode',
  title: 'A link names a code that does not exist.',
  message: ({ file, field, code }) =>
    `${file}: field "${field}" refers to code "${code}", which does not exist.`,
  hint: ({ code, examples }) =>
    `use the file name of a code under content/codes/ (without .yaml)${examples ? `, such as ${list(examples)}` : ''}; or add content/codes/<kind>/${code}.yaml.`,
});

export const DuplicateOrder = define<File & { order: number; other: string }>({
  name: 'DuplicateOrder',
  title: 'Two steps have the same place in the guide.',
  message: ({ file, order, other }) => `${file}: field "order" is ${order}, the same as ${other}.`,
  hint: () => 'give each step its own position in the guide.',
});

export const MissingTranslation = define<File & { slug: string }>({
  name: 'MissingTranslation',
  title: 'A step has no Swedish text.',
  message: ({ file }) => `${file}: the Swedish translation is missing.`,
  hint: ({ slug }) =>
    `add content/steps/sv/${slug}.mdx with title, summary and lastReviewed in its frontmatter and the Swedish text below.`,
});

export const OrphanTranslation = define<File & { slug: string }>({
  name: 'OrphanTranslation',
  title: 'A Swedish step has no English step.',
  message: ({ file, slug }) => `${file}: this translation has no English step content/steps/en/${slug}.mdx.`,
  hint: () => 'rename it to match an English step, or add the English step.',
});

/** One problem as the build reports it: the message, then the hint on its own line. */
export function problem<A>(error: ContentErrorData<A>, args: A): string {
  return `${error.message(args)}\n  Fix: ${error.hint(args)}`;
}

/** Every content problem of a build, thrown once, so an author sees them all at the same time. */
export class ContentIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n\n` +
        problems.map((p) => `- ${p}`).join('\n\n'),
    );
    this.name = 'ContentIntegrityError';
  }
}
