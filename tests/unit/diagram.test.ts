import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diagramSchema, type DiagramData } from '../../src/schemas/diagram';
import {
  CHIP_H,
  diagramLayouts,
  LINK_KEYS,
  PART_KEYS,
  type El,
  type Layout,
  type LinkKey,
  type PartKey,
  type WordKey,
} from '../../src/lib/diagram-layout';
import { checkIntegrity } from '../../src/lib/integrity';

const FILE = path.resolve(import.meta.dirname, '../../content/diagram.yaml');
const raw = () => parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
const real: DiagramData = diagramSchema.parse(raw());

function layoutsIn(lang: 'en' | 'sv', file?: Parameters<typeof diagramLayouts>[1]): Layout[] {
  const of = <K extends string>(m: Record<K, { en: string; sv: string }>) =>
    Object.fromEntries(Object.entries<{ en: string; sv: string }>(m).map(([k, v]) => [k, v[lang]])) as Record<
      K,
      string
    >;
  return diagramLayouts(
    {
      label: Object.fromEntries(LINK_KEYS.map((k) => [k, real.links[k].label[lang]])) as Record<
        LinkKey,
        string
      >,
      part: Object.fromEntries(PART_KEYS.map((k) => [k, real.parts[k].name[lang]])) as Record<
        PartKey,
        string
      >,
      word: of(real.words) as Record<WordKey, string>,
    },
    file,
  );
}

type Chip = Extract<El, { t: 'chip' }>;
const chipsOf = (l: Layout): Chip[] =>
  l.groups.flatMap((g) => g.els).filter((e): e is Chip => e.t === 'chip');

describe('the sync-flow diagram', () => {
  for (const lang of ['en', 'sv'] as const) {
    for (const layout of layoutsIn(lang)) {
      const where = `${layout.cls} (${lang})`;
      it(`${where}: every chip lies inside the viewBox`, () => {
        const outside = chipsOf(layout).filter(
          (c) => c.x < 0 || c.y < 0 || c.x + c.w > layout.w || c.y + CHIP_H > layout.h,
        );
        expect(outside.map((c) => `${c.key} at ${c.x},${c.y} (${c.w} wide)`)).toEqual([]);
      });
      it(`${where}: no two chips overlap`, () => {
        const chips = chipsOf(layout);
        const overlaps: string[] = [];
        chips.forEach((a, i) =>
          chips.slice(i + 1).forEach((b) => {
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + CHIP_H && b.y < a.y + CHIP_H)
              overlaps.push(`${a.key} and ${b.key}`);
          }),
        );
        expect(overlaps).toEqual([]);
      });
      it(`${where}: draws every link and every part`, () => {
        expect(new Set(chipsOf(layout).map((c) => c.key))).toEqual(new Set(LINK_KEYS));
        expect(new Set(layout.groups.flatMap((g) => (g.part ? [g.part] : [])))).toEqual(new Set(PART_KEYS));
      });
    }
  }

  it('sizes each chip to its label, so the Swedish layout follows the Swedish words', () => {
    const en = chipsOf(layoutsIn('en')[0]!).find((c) => c.key === 'pcnsSetup')!;
    const sv = chipsOf(layoutsIn('sv')[0]!).find((c) => c.key === 'pcnsSetup')!;
    expect(en.w).toBe(Math.round('Password sync'.length * 7 + 22));
    expect(sv.w).toBe(Math.round('Lösenordssynk'.length * 7 + 22));
  });
});

describe('src/lib/diagram-geometry.json, read row by row', () => {
  // One picture with one bad row, so each test proves the message names the place and the fix.
  const withRow = (row: unknown[]) => ({
    wide: { w: 100, h: 100, groups: [{ part: 'mv', els: [['rect', 1, 2, 3, 4, 'box'], row] }] },
    narrow: { w: 100, h: 100, groups: [] },
  });
  const fails = (row: unknown[]) => () => layoutsIn('en', withRow(row));

  it('reads a good row into the element it names, with its word in the page language', () => {
    const [wide] = layoutsIn('sv', withRow(['text', 5, 6, 'mv', 'name']));
    expect(wide.groups[0].els).toEqual([
      { t: 'rect', x: 1, y: 2, w: 3, h: 4, c: 'box' },
      { t: 'text', x: 5, y: 6, s: real.parts.mv.name.sv, c: 'name', a: 'start' },
    ]);
  });
  it('names the file, the row and the kinds it knows for an unknown element', () => {
    expect(fails(['circle', 1, 2, 3])).toThrow(
      /src\/lib\/diagram-geometry\.json: wide\.groups\[0\]\.els\[1\]: unknown element "circle" \(rect, db/,
    );
  });
  it('names a link or a word that content/diagram.yaml does not have', () => {
    expect(fails(['chips', ['noSuchLink'], 1, 2])).toThrow(
      /els\[1\]: "noSuchLink" is not a link of content\/diagram\.yaml/,
    );
    expect(fails(['text', 1, 2, 'noSuchWord'])).toThrow(
      /"noSuchWord" is not a word of content\/diagram\.yaml/,
    );
  });
  it('names an argument of the wrong type or class', () => {
    expect(fails(['rect', 1, '2', 3, 4, 'box'])).toThrow(/argument 2 must be a number/);
    expect(fails(['rect', 1, 2, 3, 4, 'round'])).toThrow(
      /argument 5 must be one of frame, box, item, area, inner/,
    );
  });
  it('names a group whose part the diagram does not have', () => {
    const file = {
      wide: { w: 1, h: 1, groups: [{ part: 'nowhere', els: [] }] },
      narrow: { w: 1, h: 1, groups: [] },
    };
    expect(() => layoutsIn('en', file)).toThrow(/wide\.groups\[0\]\.part: "nowhere" is not a part/);
  });
});

describe('content/diagram.yaml through its schema', () => {
  it('names the key of a link that has both a step and a code', () => {
    const data = raw() as { links: Record<string, Record<string, unknown>> };
    data.links.connectivity!.code = 'stopped-server';
    const r = diagramSchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'links.connectivity: give either "step:" or "code:", exactly one of the two',
    ]);
  });
  it('names a part that is missing and a key the drawing does not know', () => {
    const data = raw() as { parts: Record<string, unknown> };
    data.parts.metaverse = data.parts.mv;
    delete data.parts.mv;
    const r = diagramSchema.safeParse(data);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('parts.mv');
    expect(r.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.path.join('.') === 'parts')).toBe(
      true,
    );
  });
  it('fails the build when a link names a step or code that does not exist', () => {
    const problems = checkIntegrity({
      codes: [],
      steps: [{ file: 'content/steps/en/first.mdx', slug: 'first', order: 1, codes: [] }],
      stepsSv: [{ file: 'content/steps/sv/first.mdx', slug: 'first' }],
      releases: [{ file: 'content/releases/sync-service/4.6.607.0.yaml' }],
      diagram: {
        file: 'content/diagram.yaml',
        links: [
          { key: 'connectivity', step: 'first' },
          { key: 'eventLog', step: 'sync-service-event-logg' },
          { key: 'createRefused', code: 'failed-creation' },
        ],
      },
      files: {
        codes: [],
        steps: ['content/steps/en/first.mdx'],
        stepsSv: ['content/steps/sv/first.mdx'],
        releases: ['content/releases/sync-service/4.6.607.0.yaml'],
        diagram: ['content/diagram.yaml'],
      },
    }).filter((p) => p.startsWith('content/diagram.yaml'));
    expect(problems).toEqual([
      'content/diagram.yaml: field "links.eventLog.step" refers to step "sync-service-event-logg", which does not exist.\n  Fix: use one of: first; or create content/steps/en/sync-service-event-logg.mdx.',
      'content/diagram.yaml: field "links.createRefused.code" refers to code "failed-creation", which does not exist.\n  Fix: use the file name of a code under content/codes/ (without .yaml); or add content/codes/<kind>/failed-creation.yaml.',
    ]);
  });
  it('says when the file is there but was not loaded', () => {
    const problems = checkIntegrity({
      codes: [],
      steps: [],
      stepsSv: [],
      releases: [],
      files: { codes: [], steps: [], stepsSv: [], releases: [], diagram: ['content/diagram.yaml'] },
      parseError: (f) => (f === 'content/diagram.yaml' ? 'line 3, column 1: bad indentation' : undefined),
    });
    expect(problems).toContain(
      'content/diagram.yaml: the file is not valid YAML, so it was not loaded.\n  line 3, column 1: bad indentation\n  Fix: correct the syntax at that line (quote text that contains ": " or starts with a special character).',
    );
  });
});
