/**
 * The Swedish glossary (content/glossary.yaml) is valid, and no Swedish text on the site uses a
 * variant it says to avoid. Reads the real content: content/steps/sv/*.mdx and every sv: field of
 * content/codes/**\/*.yaml and content/releases/**\/*.yaml.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { glossarySchema } from '../../src/schemas/glossary';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const list = (dir: string, ext: string) =>
  (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));

/** Text a reader sees: without fenced code, inline code, link targets and pinned old anchor ids. */
export function proseOf(text: string): string {
  return text
    .replace(/^anchorAliases:.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)\n]*\)/g, '] ');
}

/** Every sv string in a parsed YAML value, however deep. */
function svStrings(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => svStrings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sv' && typeof v === 'string') out.push(v);
      else svStrings(v, out);
    }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The avoided variants found in a text: each matches case-insensitively at the start of a word. */
export function findVariants(text: string, variants: string[]): string[] {
  const prose = proseOf(text);
  return variants.filter((v) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}`, 'iu').test(prose));
}

const glossary = glossarySchema.parse(parse(read('content/glossary.yaml')));
const variants = glossary.flatMap((t) => t.avoid);
// Read once, when the file loads: YAML for ~300 records is slow on a shared machine.
const texts = [
  ...list('content/steps/sv', '.mdx').map((file) => ({ file, text: read(file) })),
  ...[...list('content/codes', '.yaml'), ...list('content/releases', '.yaml')].map((file) => ({
    file,
    text: svStrings(parse(read(file))).join('\n'),
  })),
];

describe('the Swedish glossary', () => {
  it('has the terms the site uses, each with a source', () => {
    const ids = new Set(glossary.map((t) => t.id));
    for (const id of [
      'management-agent',
      'connector-space',
      'metaverse',
      'connector',
      'rules-extension',
      'provisioning',
      'run-profile',
      'spn',
    ])
      expect(ids.has(id), id).toBe(true);
    expect(glossary.every((t) => t.sources.length > 0)).toBe(true);
  });

  it('finds a variant in prose but not in code or link targets', () => {
    expect(findVariants('Körprofilen stoppades.', ['körprofil'])).toEqual(['körprofil']);
    expect(findVariants('Kör `körprofil.ps1` och [läs](/steps/körprofil/).', ['körprofil'])).toEqual([]);
    expect(findVariants('avetablering', ['etablering'])).toEqual([]);
    expect(findVariants('```\nprovisionera\n```', ['provisioner'])).toEqual([]);
    expect(findVariants('anchorAliases: { provisionering: etablering }', ['provisioner'])).toEqual([]);
  });

  it('rejects a term without a source', () => {
    const r = glossarySchema.safeParse([{ id: 'x-term', en: 'x', sv: 'x', sources: [] }]);
    expect(r.success).toBe(false);
  });

  it('reads the Swedish texts', () => {
    expect(texts.filter((t) => t.file.startsWith('content/steps/sv/')).length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.file.startsWith('content/codes/')).length).toBeGreaterThan(100);
    expect(texts.filter((t) => t.file.startsWith('content/releases/')).length).toBeGreaterThan(50);
  });

  it('no Swedish text uses a variant the glossary says to avoid', () => {
    const found = texts.flatMap(({ file, text }) =>
      findVariants(text, variants).map((v) => `${file}: "${v}"`),
    );
    expect(found).toEqual([]);
  });
});
