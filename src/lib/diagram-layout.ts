/**
 * The geometry of the sync-flow diagram (components/SyncDiagram.astro draws it): where each box,
 * line, word and link chip sits, in viewBox units, in a wide layout and in a tall one for narrow
 * screens. Pure: the words come from content/diagram.yaml and the coordinates from
 * diagram-geometry.json (two hand-placed pictures, one element per row, like a table), so the
 * unit tests can check every layout in both languages (every chip inside the viewBox, none
 * overlapping). A row that names an unknown element, word or link throws with its place in the
 * JSON file.
 *
 * Chip widths follow the label length in the page's language (generous for wide fonts such as
 * DejaVu Sans, centred so narrower fonts look the same).
 */
import geometry from './diagram-geometry.json';
import { idList } from './id-list';

/** The links drawn as chips; content/diagram.yaml gives each a label and a step or code. */
export const LINK_KEYS = idList(
  'connectivity runNoStart importErrors importRun syncRun exportRun syncRules extensionDll pcns6025 pcnsSetup stoppedServer slowSync createRefused updateRefused eventLog latestBuild dbHealth sqlPerf',
);
export type LinkKey = (typeof LINK_KEYS)[number];

/** The parts, each a group on the diagram with a name, a description and its links. */
export const PART_KEYS = idList(
  'systems pcns mas import cs sync mv export fimma mimservice service syncdb mimdb',
);
export type PartKey = (typeof PART_KEYS)[number];

/** Other words drawn on the diagram (content/diagram.yaml, words). */
export const WORD_KEYS = idList(
  'ad hr1 hr2 ldap ldap1 ldap2 adma sqlma ldapma fimmaLabel mvSub mvSubShort inbound outbound pw1 pw2 pw web sql syncdbName syncdb1 syncdb2 syncdbSub syncdbSub1 syncdbSub2 mimdbName mimdbSub mimdbSub1 mimdbSub2',
);
export type WordKey = (typeof WORD_KEYS)[number];

/** The words of one language. */
export interface DiagramText {
  label: Record<LinkKey, string>;
  part: Record<PartKey, string>;
  word: Record<WordKey, string>;
}

/** The height of a link chip. */
export const CHIP_H = 28;

/** The classes each kind of element may have (the component styles them) and the text anchors. */
const RECT_CLASSES = idList('frame box item area inner');
const TEXT_CLASSES = idList('name label small mono note');
const LINE_CLASSES = idList('flow pw wire');
const ANCHORS = idList('start middle end');
type RectClass = (typeof RECT_CLASSES)[number];
type TextClass = (typeof TEXT_CLASSES)[number];
type LineClass = (typeof LINE_CLASSES)[number];
export type Anchor = (typeof ANCHORS)[number];

export type El =
  | { t: 'rect'; x: number; y: number; w: number; h: number; c: RectClass }
  | { t: 'db'; x: number; y: number; w: number; h: number }
  | { t: 'text'; x: number; y: number; s: string; c: TextClass; a?: Anchor }
  | { t: 'chip'; key: LinkKey; x: number; y: number; w: number }
  | { t: 'line'; d: string; c: LineClass; m?: 'end' };
export interface Group {
  part?: PartKey;
  els: El[];
}

export interface Drawing {
  /** viewBox width and height. */
  w: number;
  h: number;
  groups: Group[];
}
export interface Layout extends Drawing {
  /** Prefix of the ids inside this drawing. */
  id: 'dgw' | 'dgn';
  /** The class that shows it at its container width. */
  cls: 'dg-wide' | 'dg-narrow';
}

/** diagram-geometry.json, as its rows are written: [element, ...arguments]. */
interface GeometryFile {
  [picture: string]: { w: number; h: number; groups: { note?: string; part?: string; els: unknown[][] }[] };
}
const GEOMETRY_FILE = 'src/lib/diagram-geometry.json';
const LINKS = new Set<string>(LINK_KEYS);
const PARTS = new Set<string>(PART_KEYS);

/** The wide and the narrow drawing, with the words of one language. */
export function diagramLayouts(t: DiagramText, file: GeometryFile = geometry): Layout[] {
  const chipWidth = (key: LinkKey) => Math.round(t.label[key].length * 7 + 22);
  // A text row names a word of content/diagram.yaml, or a part whose name it draws.
  const words = new Map<string, string>([...Object.entries(t.word), ...Object.entries(t.part)]);

  /** Chips in a row from x (anchor start), ending at x (end), or centred on x (middle). */
  function chips(keys: LinkKey[], x: number, y: number, a: Anchor = 'start', gap = 8): El[] {
    const sized = keys.map((key) => ({ key, w: chipWidth(key) }));
    const total = sized.reduce((sum, c) => sum + c.w, 0) + gap * (keys.length - 1);
    let cx = a === 'start' ? x : a === 'end' ? x - total : x - total / 2;
    return sized.map(({ key, w }) => {
      const el: El = { t: 'chip', key, x: cx, y, w };
      cx += w + gap;
      return el;
    });
  }
  /** Chips stacked downwards from y, each centred on x (middle) or starting at x (start). */
  const stacked = (keys: LinkKey[], x: number, y: number, a: Anchor, gap = 6): El[] =>
    keys.flatMap((k, i) => chips([k], x, y + i * (CHIP_H + gap), a));

  /** One row of the file, read into the elements it stands for. */
  function element(row: unknown[], where: string): El[] {
    const [kind, ...args] = row;
    const wrong = (why: string): never => fail(`${where}: ${why} (row ${JSON.stringify(row)})`);
    const num = (i: number) =>
      typeof args[i] === 'number' ? (args[i] as number) : wrong(`argument ${i + 1} must be a number`);
    const oneOf = <T extends string>(i: number, allowed: readonly T[], fallback?: T): T => {
      const v = args[i] ?? fallback;
      return (allowed as readonly unknown[]).includes(v)
        ? (v as T)
        : wrong(`argument ${i + 1} must be one of ${allowed.join(', ')}`);
    };
    const links = () => {
      const keys = args[0];
      if (!Array.isArray(keys) || keys.length === 0) return wrong('argument 1 must be a list of links');
      return keys.map((k) =>
        LINKS.has(k) ? (k as LinkKey) : wrong(`"${k}" is not a link of content/diagram.yaml`),
      );
    };
    switch (kind) {
      case 'rect':
        return [{ t: 'rect', x: num(0), y: num(1), w: num(2), h: num(3), c: oneOf(4, RECT_CLASSES) }];
      case 'db':
        return [{ t: 'db', x: num(0), y: num(1), w: num(2), h: num(3) }];
      case 'text': {
        const s = words.get(String(args[2])) ?? wrong(`"${args[2]}" is not a word of content/diagram.yaml`);
        const c = oneOf(3, TEXT_CLASSES, 'label');
        return [{ t: 'text', x: num(0), y: num(1), s, c, a: oneOf(4, ANCHORS, 'start') }];
      }
      case 'line': {
        const d = typeof args[0] === 'string' ? args[0] : wrong('argument 1 must be an SVG path');
        const c = oneOf(1, LINE_CLASSES, 'flow');
        return args[2] === 'end' ? [{ t: 'line', d, c, m: 'end' }] : [{ t: 'line', d, c }];
      }
      case 'chips':
        return chips(links(), num(1), num(2), oneOf(3, ANCHORS, 'start'));
      case 'stack':
        return stacked(links(), num(1), num(2), 'middle');
      case 'stackStart':
        return stacked(links(), num(1), num(2), 'start');
      default:
        return wrong(`unknown element "${String(kind)}" (rect, db, text, line, chips, stack or stackStart)`);
    }
  }

  /** One picture of the file. */
  function drawing(name: 'wide' | 'narrow'): Drawing {
    const picture = file[name] ?? fail(`${GEOMETRY_FILE}: no picture "${name}"`);
    return {
      w: picture.w,
      h: picture.h,
      groups: picture.groups.map((g, gi) => {
        const where = `${GEOMETRY_FILE}: ${name}.groups[${gi}]`;
        if (g.part !== undefined && !PARTS.has(g.part))
          fail(`${where}.part: "${g.part}" is not a part of content/diagram.yaml`);
        const els = g.els.flatMap((row, ei) => element(row, `${where}.els[${ei}]`));
        return g.part ? { part: g.part as PartKey, els } : { els };
      }),
    };
  }

  return [
    { id: 'dgw', cls: 'dg-wide', ...drawing('wide') },
    { id: 'dgn', cls: 'dg-narrow', ...drawing('narrow') },
  ];
}

function fail(message: string): never {
  throw new Error(message);
}
