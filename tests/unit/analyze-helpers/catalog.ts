/** The analyzer's code map built from the real catalog in content/codes/, and the real samples. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildCodeMap, CodeMap, type CodeSource } from '../../../src/lib/analyze/links';

const root = path.resolve(import.meta.dirname, '../../..');
const codesDir = path.join(root, 'content/codes');

export function realCodeMap(): CodeMap {
  const sources: CodeSource[] = (readdirSync(codesDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const d = parse(readFileSync(path.join(codesDir, f), 'utf8'));
      return {
        s: path.basename(f, '.yaml'),
        c: d.code,
        k: d.kind,
        t: d.title.en,
        st: d.steps?.[0],
        sn: d.steps?.[0],
        e: d.eventSource,
        wrapper: !!d.wrapper,
        uncertain: !!d.uncertain,
        aliases: d.aliases ?? [],
      };
    });
  return new CodeMap(buildCodeMap(sources));
}

/** The shared samples folder beside the clone (CI has the same), never copied into the project. */
export const SAMPLES = [
  path.resolve(root, '../shared/reference/samples'),
  '/work/shared/reference/samples',
].find((d) => existsSync(d));

export function sample(name: string): string {
  if (!SAMPLES) throw new Error('shared/reference/samples is not beside the clone');
  return readFileSync(path.join(SAMPLES, name), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(path.join(root, 'tests/fixtures/analyze', name), 'utf8');
}
