/**
 * anchorAliases keep a renamed heading's old address alive. Heading ids come from the heading text,
 * so a Swedish id keeps å, ä and ö: the schema must take them, or the one fix the build's
 * published-URL check asks for cannot be written (review 4 renamed "MA:er" to "MA:ar" in a heading).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingId } from '../../src/schemas/shared';
import { stepSvSchema } from '../../src/schemas/step';

const sv = (anchorAliases: unknown) =>
  stepSvSchema.safeParse({
    title: 'Körningsprofilen startar inte',
    summary: 'En körningsprofil som inte startar har inte rört några data.',
    lastReviewed: '2026-12-02',
    anchorAliases,
  });

describe('anchorAliases', () => {
  it('takes Swedish heading ids with å, ä and ö', () => {
    const r = sv({ 'anroparen-får-inte-köra-maer': 'anroparen-får-inte-köra-maar' });
    expect(r.success).toBe(true);
  });
  it('takes every heading id the site has published, so any of them can be kept by an alias', () => {
    const list = readFileSync(path.resolve(import.meta.dirname, '../../published-urls.txt'), 'utf8');
    const ids = list
      .split('\n')
      .filter((l) => !l.startsWith('#') && l.includes('#'))
      .map((l) => l.slice(l.indexOf('#') + 1));
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.filter((id) => !headingId.safeParse(id).success)).toEqual([]);
  });
  it('refuses ids that no heading can have, naming the rule', () => {
    for (const bad of [{ 'Old Id': 'new-id' }, { 'old--id': 'new-id' }, { 'old-id': '#new-id' }]) {
      const r = sv(bad);
      expect(r.success).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain('heading id as it stands after #');
    }
  });
});
