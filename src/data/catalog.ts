/**
 * The only caller of getCollection. Loads the content once, runs the integrity checks (which
 * throw, failing the build, with text an author can act on), and shapes the data the routes need.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { checkIntegrity, ContentIntegrityError } from '../lib/integrity';
import { listFiles } from './files';
import { CODE_KINDS, type CodeKind } from '../lib/codes';
import { compareVersions, parseVersion } from '../lib/versions';
import type { Lang } from '../i18n';
import type { Localized } from '../schemas/shared';

export type CodeEntry = CollectionEntry<'codes'>;
export type StepEntry = CollectionEntry<'steps'>;
export type StepSvEntry = CollectionEntry<'stepsSv'>;
export type ReleaseEntry = CollectionEntry<'releases'>;
export type DiagramEntry = CollectionEntry<'diagram'>;
export type { Localized } from '../schemas/shared';

export interface Code {
  slug: string;
  data: CodeEntry['data'];
  /** Steps that fix it, in the order the record lists them: the most specific first. */
  steps: Step[];
}
export interface Step {
  slug: string;
  data: StepEntry['data'];
  entry: Record<Lang, StepEntry | StepSvEntry>;
  title: Localized;
  summary: Localized;
  lastReviewed: Localized;
  /** Codes this step resolves: those it lists and those that point to it. */
  codes: Code[];
}
export interface Catalog {
  steps: Step[];
  codes: Code[];
  releases: ReleaseEntry[];
  /** The sync-flow diagram's words and links (content/diagram.yaml), when the site has one. */
  diagram: DiagramEntry['data'] | undefined;
  stepBySlug: Map<string, Step>;
  codeBySlug: Map<string, Code>;
}

const ROOT = process.cwd();
const DIAGRAM_FILE = 'content/diagram.yaml';

const filesIn = (dir: string, ext: string) => listFiles(ROOT, dir, (n) => n.endsWith(ext));

function yamlError(file: string): string | undefined {
  if (!/\.ya?ml$/.test(file)) return undefined;
  try {
    parseYaml(readFileSync(path.join(ROOT, file), 'utf8'));
    return undefined;
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`;
    }
    return String(e);
  }
}

const fileOf = (e: { filePath?: string; id: string }) => (e.filePath ?? e.id).replace(/^\.\//, '');
const slugOf = (e: { filePath?: string; id: string }) =>
  fileOf(e)
    .replace(/^.*\//, '')
    .replace(/\.[^.]+$/, '');

let cached: Promise<Catalog> | undefined;

/** The whole checked catalog. Throws ContentIntegrityError when the content breaks a rule. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Catalog> {
  const [codeEntries, stepEntries, svEntries, releases, diagrams] = await Promise.all([
    getCollection('codes'),
    getCollection('steps'),
    getCollection('stepsSv'),
    getCollection('releases'),
    getCollection('diagram'),
  ]);
  const diagram = diagrams[0];
  const problems = checkIntegrity({
    codes: codeEntries.map((e) => ({
      file: fileOf(e),
      slug: slugOf(e),
      code: e.data.code,
      kind: e.data.kind,
      eventSource: e.data.eventSource,
      steps: e.data.steps,
      aliases: e.data.aliases,
      exceptions: e.data.exceptions,
      deprecatedBy: e.data.deprecatedBy,
    })),
    steps: stepEntries.map((e) => ({
      file: fileOf(e),
      slug: slugOf(e),
      order: e.data.order,
      codes: e.data.codes,
    })),
    stepsSv: svEntries.map((e) => ({ file: fileOf(e), slug: slugOf(e) })),
    releases: releases.map((e) => ({ file: fileOf(e) })),
    diagram: diagram && {
      file: DIAGRAM_FILE,
      links: Object.entries(diagram.data.links).map(([key, l]) => ({ key, step: l.step, code: l.code })),
    },
    files: {
      codes: filesIn('content/codes', '.yaml'),
      steps: filesIn('content/steps/en', '.mdx'),
      stepsSv: filesIn('content/steps/sv', '.mdx'),
      releases: filesIn('content/releases', '.yaml'),
      diagram: existsSync(path.join(ROOT, DIAGRAM_FILE)) ? [DIAGRAM_FILE] : [],
    },
    parseError: yamlError,
  });
  if (problems.length) throw new ContentIntegrityError(problems);

  const svBySlug = new Map(svEntries.map((e) => [slugOf(e), e]));
  const steps: Step[] = stepEntries
    .map((e) => {
      const sv = svBySlug.get(slugOf(e))!;
      return {
        slug: slugOf(e),
        data: e.data,
        entry: { en: e, sv },
        title: { en: e.data.title, sv: sv.data.title },
        summary: { en: e.data.summary, sv: sv.data.summary },
        lastReviewed: { en: e.data.lastReviewed, sv: sv.data.lastReviewed },
        codes: [],
      };
    })
    .sort((a, b) => a.data.order - b.data.order);
  const stepBySlug = new Map(steps.map((s) => [s.slug, s]));

  const kindRank = (k: CodeKind) => CODE_KINDS.indexOf(k);
  const codes: Code[] = codeEntries
    .map((e) => ({
      slug: slugOf(e),
      data: e.data,
      // The author's order, not the guide's: the first step is the code page's "Fix" link.
      steps: e.data.steps.map((s) => stepBySlug.get(s)!),
    }))
    .sort(
      (a, b) =>
        kindRank(a.data.kind) - kindRank(b.data.kind) ||
        a.data.code.localeCompare(b.data.code, 'en', { numeric: true }),
    );
  const codeBySlug = new Map(codes.map((c) => [c.slug, c]));

  for (const step of steps) {
    const linked = new Set(step.data.codes);
    for (const c of codes) if (c.data.steps.includes(step.slug)) linked.add(c.slug);
    step.codes = codes.filter((c) => linked.has(c.slug));
  }
  // By line, then version number by number (4.6.34.0 before 4.6.258.0), never as text. The
  // schema guarantees dotted numbers, so parseVersion always succeeds here.
  const v = (r: ReleaseEntry) => parseVersion(r.data.version)!;
  releases.sort(
    (a, b) =>
      a.data.line.localeCompare(b.data.line) ||
      (a.data.connector ?? '').localeCompare(b.data.connector ?? '') ||
      compareVersions(v(a), v(b)),
  );
  return { steps, codes, releases, diagram: diagram?.data, stepBySlug, codeBySlug };
}
