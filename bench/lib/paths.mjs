import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib/ is two levels down). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for builds and synthetic catalogs; git-ignored, never committed. */
export const TMP = path.join(ROOT, 'bench/tmp');
export const BENCH = path.join(ROOT, 'bench');
