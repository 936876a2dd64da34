/**
 * Every code with more than one fix step says when each step applies (stepWhen), so the code page
 * never shows a bare "+1". Reads the real catalog in content/codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codeSchema } from '../../src/schemas/code';

const ROOT = path.resolve(__dirname, '../..');
const dir = path.join(ROOT, 'content/codes');
const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join('content/codes', f.split(path.sep).join('/')));
// Parsed once, when the file loads: YAML for ~280 records is slow on a shared machine.
const records = files.map((file) => ({
  file,
  data: parse(readFileSync(path.join(ROOT, file), 'utf8')) as {
    steps: string[];
    stepWhen?: Record<string, { en?: string; sv?: string }>;
  },
}));

describe('stepWhen on the real catalog', () => {
  it('reads the catalog', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('labels every step of every code that has more than one, in both languages', () => {
    const missing: string[] = [];
    for (const { file, data } of records) {
      if (data.steps.length < 2) continue;
      const when = new Map(Object.entries(data.stepWhen ?? {}));
      for (const step of data.steps) {
        const label = when.get(step);
        if (!label?.en?.trim() || !label?.sv?.trim()) missing.push(`${file}: stepWhen.${step}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the stepWhen schema rule', () => {
  const base = {
    code: 'cd-error',
    kind: 'run-error',
    category: 'export',
    component: 'sync-engine',
    title: { en: 'A title', sv: 'En titel' },
    summary: { en: 'A summary.', sv: 'En sammanfattning.' },
    appearsIn: [{ en: 'Operations', sv: 'Operations' }],
    steps: ['export-errors-and-permissions', 'read-run-error-codes'],
    sources: [{ title: 'A source', url: 'https://learn.microsoft.com/' }],
    lastReviewed: '2026-12-01',
  };

  it('accepts labels for listed steps', () => {
    const r = codeSchema.safeParse({
      ...base,
      stepWhen: { 'read-run-error-codes': { en: 'to list the objects', sv: 'för att lista objekten' } },
    });
    expect(r.success).toBe(true);
  });

  it('rejects a label for a step the code does not list, naming the key', () => {
    const r = codeSchema.safeParse({
      ...base,
      stepWhen: { 'latest-sync-build': { en: 'after an upgrade', sv: 'efter en uppgradering' } },
    });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'stepWhen.latest-sync-build');
    expect(issue?.message).toContain('"latest-sync-build" is not in steps');
  });

  it('rejects a label without its Swedish text', () => {
    const r = codeSchema.safeParse({
      ...base,
      stepWhen: { 'read-run-error-codes': { en: 'to list the objects' } },
    });
    expect(r.success).toBe(false);
  });
});
