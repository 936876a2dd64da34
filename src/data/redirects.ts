/**
 * content/redirects.yaml: old path -> new path. Validated here (it is a single list, not a
 * collection) with the same kind of message as the content schemas: file, field, fix.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'astro/zod';
import { loadCatalog } from './catalog';

const FILE = 'content/redirects.yaml';
const sitePath = z.string().regex(/^\/[a-z0-9][a-z0-9/._-]*\/(#[a-z0-9-]+)?$/, {
  message: 'must be a site path that starts and ends with "/", such as /codes/old-code/',
});
const schema = z.array(
  z
    .object({
      /** The old address, relative to the base path. */
      from: sitePath.refine((p) => !p.includes('#'), {
        message: 'cannot contain an #anchor: a redirect moves a whole page',
      }),
      /** Where it now lives, optionally with an #anchor. */
      to: sitePath,
    })
    .strict(),
);
export type Redirect = z.infer<typeof schema>[number];

export async function loadRedirects(): Promise<Redirect[]> {
  const file = path.join(process.cwd(), FILE);
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8')) ?? [];
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
    throw new Error(
      `${FILE}: the file is not valid YAML${where}: ${(e as Error).message.split('\n')[0]}\n  Fix: correct the syntax; each entry is "- from: /old/path/" with "to: /new/path/" below it.`,
      { cause: e },
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) =>
        `${FILE}: field "${i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '')}" ${i.message}`,
    );
    throw new Error(
      `${problems.join('\n')}\n  Fix: each entry is "- from: /old/path/" with "to: /new/path/".`,
    );
  }
  const { codeBySlug, stepBySlug } = await loadCatalog();
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((r, i) => {
    if (seen.has(r.from))
      problems.push(
        `${FILE}: field "[${i}].from" repeats ${r.from}.\n  Fix: keep one entry per old address.`,
      );
    seen.add(r.from);
    const page = /^\/(?:sv\/)?(codes|steps)\/([^/]+)\/$/.exec(r.from);
    if (page && (page[1] === 'codes' ? codeBySlug : stepBySlug).has(page[2]))
      problems.push(
        `${FILE}: field "[${i}].from" is ${r.from}, which is still a live page.\n  Fix: a redirect is for an address that no longer has a page; remove the entry.`,
      );
    const target = /^\/(?:sv\/)?(codes|steps)\/([^/#]+)\//.exec(r.to);
    if (target && !(target[1] === 'codes' ? codeBySlug : stepBySlug).has(target[2]))
      problems.push(
        `${FILE}: field "[${i}].to" points to ${r.to}, which does not exist.\n  Fix: point it to an existing code or step.`,
      );
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return parsed.data;
}
