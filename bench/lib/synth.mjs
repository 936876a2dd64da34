/**
 * Synthetic catalogs for the build-scaling benchmark, written under bench/tmp/ and never
 * committed. A catalog of N codes holds the real codes, steps and releases, plus N minus the
 * real count synthetic codes. Each synthetic record is a copy of a real one (round robin, so the
 * mix of kinds and the length of the text stay those of the real catalog) under a new code:
 *
 *   run statuses and errors  <real-code>-b<n>              e.g. stopped-server-b17
 *   event IDs                50000 + n, source "bench"     e.g. bench-event-50017
 *   HRESULTs                 0x8bad0000 + n                e.g. 0x8bad0011
 *
 * Titles get " (bench variant n)" appended in both languages. Aliases are dropped (they must be
 * unique) and deprecatedBy too. The vocabulary is therefore the real one plus one new code per
 * record, which is what a larger real catalog would add to the search index, roughly.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT } from './paths.mjs';

function realCodes() {
  const base = path.join(ROOT, 'content/codes');
  const out = [];
  for (const kind of readdirSync(base).sort()) {
    for (const f of readdirSync(path.join(base, kind)).sort()) {
      if (f.endsWith('.yaml')) out.push(YAML.parse(readFileSync(path.join(base, kind, f), 'utf8')));
    }
  }
  return out;
}

/** Writes a content/ folder with `total` codes into `dir`; returns how many were synthetic. */
export function writeSyntheticContent(dir, total) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  const real = realCodes();
  const extra = Math.max(0, total - real.length);
  if (extra > 0x10000 || extra > 15_000)
    throw new Error(`at most 15,000 synthetic codes (asked for ${extra})`);
  for (let n = 0; n < extra; n++) {
    const t = real[n % real.length];
    const rec = structuredClone(t);
    delete rec.deprecatedBy;
    rec.aliases = [];
    let slug;
    if (t.kind === 'event-id') {
      rec.code = String(50000 + (n % 15000));
      rec.eventSource = 'bench';
      slug = `bench-event-${rec.code}`;
    } else if (t.kind === 'hresult') {
      rec.code = `0x${(0x8bad0000 + n).toString(16)}`;
      slug = rec.code;
    } else {
      rec.code = `${t.code}-b${n}`;
      slug = rec.code;
    }
    rec.title = { en: `${t.title.en} (bench variant ${n})`, sv: `${t.title.sv} (testvariant ${n})` };
    const folder = path.join(dir, 'codes', t.kind);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, `${slug}.yaml`),
      `# Synthetic benchmark record (bench/lib/synth.mjs); never committed.\n${YAML.stringify(rec)}`,
    );
  }
  return { real: real.length, synthetic: extra, total: real.length + extra };
}
