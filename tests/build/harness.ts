/**
 * Builds a tiny fixture site with the real project code: a temporary folder with this project's
 * astro.config.mjs, src/ and public/, the fixture's content/, and a link to node_modules.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
  readdirSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild, ROOT } from '../../scripts/astro-build.mjs';

const FIXTURES = path.join(ROOT, 'tests/build/fixtures');

export interface Site {
  dir: string;
  /** Writes (or with null, deletes) a file relative to the site root. */
  write(rel: string, text: string | null): void;
  read(rel: string): string;
  build(env?: Record<string, string>): { ok: boolean; output: string };
  remove(): void;
}

export function makeSite(fixture: string): Site {
  const dir = mkdtempSync(path.join(tmpdir(), `mim-fixture-${fixture}-`));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(path.join(ROOT, f), path.join(dir, f));
  for (const d of ['src', 'public']) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  cpSync(path.join(FIXTURES, fixture, 'content'), path.join(dir, 'content'), { recursive: true });
  const list = path.join(FIXTURES, fixture, 'published-urls.txt');
  if (existsSync(list)) cpSync(list, path.join(dir, 'published-urls.txt'));
  // node_modules: a folder of links to the project's packages, not one link to the whole folder.
  // Astro keeps its content data store in node_modules/.astro (and Vite its cache in .vite), so a
  // linked folder would let a fixture build read the real project's content, or another fixture's.
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, 'node_modules')))
    if (name !== '.astro' && name !== '.vite')
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  return {
    dir,
    write(rel, text) {
      const p = path.join(dir, rel);
      if (text === null) return unlinkSync(p);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    },
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    build: (env = {}) => astroBuild({ cwd: dir, env, timeout: 170_000 }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
