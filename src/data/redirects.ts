/**
 * content/redirects.yaml: old path -> new path. Validated here (it is a single list, not a
 * collection) with the same kind of message as the content schemas: file, field, fix.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'astro/zod';
import { normalizeCode } from '../lib/codes';
import { loadCatalog } from './catalog';

/** Every page the site builds, in both languages, as site paths ("/codes/x/", "/sv/e/6025/"). */
async function livePages(): Promise<Set<string>> {
  const { codes, steps } = await loadCatalog();
  const pages = ['/', '/codes/', '/lookup/', '/versions/', '/analyze/'];
  for (const c of codes) {
    pages.push(`/codes/${c.slug}/`);
    for (const key of [c.data.code, ...c.data.aliases].map(normalizeCode)) if (key) pages.push(`/e/${key}/`);
  }
  for (const st of steps) pages.push(`/steps/${st.slug}/`);
  return new Set(pages.flatMap((p) => [p, p === '/' ? '/sv/' : `/sv${p}`]));
}

/** Heading anchors of the published pages (published-urls.txt), to check a redirect's #anchor. */
function publishedAnchors(): Set<string> {
  const file = path.join(process.cwd(), 'published-urls.txt');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.includes('#') && !l.startsWith('#')),
  );
}

const FILE = 'content/redirects.yaml';
const sitePath = z
  .string()
  .regex(/^\/[a-z0-9][a-z0-9/._-]*\/(#[a-z0-9-]+)?$/, {
    message: 'must be a site path that starts and ends with "/", such as /codes/old-code/',
  })
  .refine((p) => !/(^|\/)\.{1,2}(\/|$)|\/\//.test(p.split('#')[0]), {
    message:
      'must not contain "." or ".." segments or "//": write the path as it is, such as /codes/old-code/',
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
  if (!Array.isArray(data))
    throw new Error(
      `${FILE}: the file must be a list.\n  Fix: each entry is "- from: /old/path/" with "to: /new/path/".`,
    );
  // Each entry on its own, so one build reports every problem: a malformed entry and the
  // cross-checks of the others.
  const problems: string[] = [];
  const valid: { r: Redirect; i: number }[] = [];
  data.forEach((item, i) => {
    const one = schema.element.safeParse(item);
    if (one.success) valid.push({ r: one.data, i });
    else
      for (const issue of one.error.issues)
        problems.push(
          `${FILE}: field "[${i}]${issue.path.map((p) => `.${String(p)}`).join('')}" ${issue.message}\n  Fix: each entry is "- from: /old/path/" with "to: /new/path/".`,
        );
  });
  const live = await livePages();
  const anchors = publishedAnchors();
  const seen = new Set<string>();
  valid.forEach(({ r, i }) => {
    if (seen.has(r.from))
      problems.push(
        `${FILE}: field "[${i}].from" repeats ${r.from}.\n  Fix: keep one entry per old address.`,
      );
    seen.add(r.from);
    if (live.has(r.from))
      problems.push(
        `${FILE}: field "[${i}].from" is ${r.from}, which is still a live page (the redirect would be dropped).\n  Fix: a redirect is for an address that no longer has a page; remove the entry.`,
      );
    const [page, anchor] = r.to.split('#');
    if (!live.has(page))
      problems.push(
        `${FILE}: field "[${i}].to" points to ${r.to}, which is not a page of the site.\n  Fix: point it to an existing page, such as /codes/<code>/ or /steps/<step>/.`,
      );
    else if (anchor && anchors.size && !anchors.has(r.to))
      problems.push(
        `${FILE}: field "[${i}].to" points to the anchor #${anchor}, which ${page} does not have.\n  Fix: use one of the page's heading anchors (listed in published-urls.txt), or drop the #anchor.`,
      );
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return valid.map((v) => v.r);
}
