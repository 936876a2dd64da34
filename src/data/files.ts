/**
 * Files under a folder of the project, as posix paths from its root ("content/codes/x.yaml"):
 * what the raw-content guard (src/integrations/content-guard.ts) reads before Astro does, and
 * what src/data/catalog.ts compares with the entries Astro loaded. No astro:* import, so a
 * build hook can use it too.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` whose name passes `keep`; none when the folder does not exist. */
export function listFiles(root: string, dir: string, keep: (name: string) => boolean): string[] {
  const abs = path.join(root, dir);
  let names: string[];
  try {
    names = readdirSync(abs, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names
    .filter((n) => keep(n) && statSync(path.join(abs, n)).isFile())
    .map((n) => path.posix.join(dir, n.split(path.sep).join('/')));
}
