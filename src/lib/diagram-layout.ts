/**
 * The geometry of the sync-flow diagram (components/SyncDiagram.astro draws it): where each box,
 * line, word and link chip sits, in viewBox units, in a wide layout and in a tall one for narrow
 * screens. Pure: the words come from content/diagram.yaml, so the unit tests can check every
 * layout in both languages (every chip inside the viewBox, none overlapping).
 *
 * This file is long because coordinates are data: two hand-placed pictures of 14 parts each,
 * one element per line (like a table, as Astro's error catalog is one long flat file).
 * Chip widths follow the label length in the page's language (generous for wide fonts such as
 * DejaVu Sans, centred so narrower fonts look the same).
 */

/** The links drawn as chips; content/diagram.yaml gives each a label and a step or code. */
export const LINK_KEYS = [
  'connectivity',
  'runNoStart',
  'importErrors',
  'importRun',
  'syncRun',
  'exportRun',
  'syncRules',
  'extensionDll',
  'pcns6025',
  'pcnsSetup',
  'stoppedServer',
  'slowSync',
  'createRefused',
  'updateRefused',
  'eventLog',
  'latestBuild',
  'dbHealth',
  'sqlPerf',
] as const;
export type LinkKey = (typeof LINK_KEYS)[number];

/** The parts, each a group on the diagram with a name, a description and its links. */
export const PART_KEYS = [
  'systems',
  'pcns',
  'mas',
  'import',
  'cs',
  'sync',
  'mv',
  'export',
  'fimma',
  'mimservice',
  'service',
  'syncdb',
  'mimdb',
] as const;
export type PartKey = (typeof PART_KEYS)[number];

/** Other words drawn on the diagram (content/diagram.yaml, words). */
export const WORD_KEYS = [
  'ad',
  'hr1',
  'hr2',
  'ldap',
  'ldap1',
  'ldap2',
  'adma',
  'sqlma',
  'ldapma',
  'fimmaLabel',
  'mvSub',
  'mvSubShort',
  'inbound',
  'outbound',
  'pw1',
  'pw2',
  'pw',
  'web',
  'sql',
  'syncdbName',
  'syncdb1',
  'syncdb2',
  'syncdbSub',
  'syncdbSub1',
  'syncdbSub2',
  'mimdbName',
  'mimdbSub',
  'mimdbSub1',
  'mimdbSub2',
] as const;
export type WordKey = (typeof WORD_KEYS)[number];

/** The words of one language. */
export interface DiagramText {
  label: Record<LinkKey, string>;
  part: Record<PartKey, string>;
  word: Record<WordKey, string>;
}

/** The height of a link chip. */
export const CHIP_H = 28;

export type Anchor = 'start' | 'middle' | 'end';
export type El =
  | { t: 'rect'; x: number; y: number; w: number; h: number; c: 'frame' | 'box' | 'item' | 'area' | 'inner' }
  | { t: 'db'; x: number; y: number; w: number; h: number }
  | {
      t: 'text';
      x: number;
      y: number;
      s: string;
      c: 'name' | 'label' | 'small' | 'mono' | 'note';
      a?: Anchor;
    }
  | { t: 'chip'; key: LinkKey; x: number; y: number; w: number }
  | { t: 'line'; d: string; c: 'flow' | 'pw' | 'wire'; m?: 'end' };
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

/** The wide and the narrow drawing, with the words of one language. */
export function diagramLayouts(t: DiagramText): Layout[] {
  const chipWidth = (key: LinkKey) => Math.round(t.label[key].length * 7 + 22);
  const W = {
    ...t.word,
    systems: t.part.systems,
    pcns: t.part.pcns,
    mas: t.part.mas,
    cs: t.part.cs,
    mv: t.part.mv,
    service: t.part.service,
    mimservice: t.part.mimservice,
  };
  const rect = (
    x: number,
    y: number,
    w: number,
    h: number,
    c: 'frame' | 'box' | 'item' | 'area' | 'inner',
  ): El => ({ t: 'rect', x, y, w, h, c });
  const text = (
    x: number,
    y: number,
    s: string,
    c: 'name' | 'label' | 'small' | 'mono' | 'note' = 'label',
    a: Anchor = 'start',
  ): El => ({ t: 'text', x, y, s, c, a });
  const line = (d: string, c: 'flow' | 'pw' | 'wire' = 'flow', m?: 'end'): El =>
    m ? { t: 'line', d, c, m } : { t: 'line', d, c };
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
  /** Chips stacked, each centred on x. */
  const stack = (keys: LinkKey[], x: number, y: number, gap = 6): El[] =>
    keys.flatMap((k, i) => chips([k], x, y + i * (CHIP_H + gap), 'middle'));

  function wide(): Drawing {
    return {
      w: 736,
      h: 764,
      groups: [
        // Behind everything: the frame of the Sync Service (its name and links come later, so that
        // the tab order follows the picture from top to bottom).
        { els: [rect(8, 200, 704, 408, 'frame')] },
        {
          part: 'systems',
          els: [
            rect(8, 8, 522, 144, 'frame'),
            text(22, 32, W.systems, 'name'),
            ...chips(['connectivity'], 518, 12, 'end'),
            rect(20, 44, 272, 98, 'item'),
            text(32, 63, W.ad, 'label'),
            rect(300, 44, 110, 98, 'item'),
            text(355, 88, W.hr1, 'label', 'middle'),
            text(355, 106, W.hr2, 'small', 'middle'),
            rect(418, 44, 100, 98, 'item'),
            text(468, 88, W.ldap1, 'label', 'middle'),
            text(468, 106, W.ldap2, 'label', 'middle'),
          ],
        },
        {
          part: 'pcns',
          els: [
            line('M 58 134 V 230', 'pw', 'end'),
            text(66, 176, W.pw1, 'note'),
            text(66, 190, W.pw2, 'note'),
            rect(28, 72, 256, 62, 'box'),
            text(38, 91, W.pcns, 'label'),
            ...chips(['pcns6025', 'pcnsSetup'], 38, 100),
          ],
        },
        {
          part: 'import',
          els: [
            line('M 250 152 V 350', 'flow', 'end'),
            line('M 604 152 V 350', 'flow', 'end'),
            ...chips(['importRun'], 250, 160, 'middle'),
          ],
        },
        {
          part: 'export',
          els: [
            line('M 420 350 V 154', 'flow', 'end'),
            line('M 660 350 V 154', 'flow', 'end'),
            ...chips(['exportRun'], 420, 160, 'middle'),
          ],
        },
        {
          part: 'mimservice',
          els: [
            rect(544, 8, 168, 144, 'box'),
            text(628, 32, W.mimservice, 'name', 'middle'),
            ...stack(['createRefused', 'updateRefused'], 628, 48),
            text(596, 186, W.web, 'note', 'end'),
          ],
        },
        {
          part: 'mas',
          els: [
            rect(20, 232, 510, 100, 'box'),
            text(32, 254, W.mas, 'name'),
            ...chips(['connectivity', 'runNoStart'], 518, 236, 'end'),
            rect(101, 276, 110, 44, 'item'),
            text(156, 303, W.adma, 'label', 'middle'),
            rect(300, 276, 110, 44, 'item'),
            text(355, 303, W.sqlma, 'label', 'middle'),
            rect(418, 276, 100, 44, 'item'),
            text(468, 303, W.ldapma, 'label', 'middle'),
          ],
        },
        {
          part: 'fimma',
          els: [
            rect(544, 232, 156, 100, 'box'),
            text(622, 254, W.fimmaLabel, 'name', 'middle'),
            ...stack(['stoppedServer', 'slowSync'], 622, 264),
          ],
        },
        {
          part: 'cs',
          els: [
            rect(20, 352, 680, 80, 'box'),
            text(32, 374, W.cs, 'name'),
            ...chips(['importErrors'], 688, 356, 'end'),
            rect(101, 386, 110, 36, 'area'),
            text(156, 409, W.adma, 'small', 'middle'),
            rect(300, 386, 110, 36, 'area'),
            text(355, 409, W.sqlma, 'small', 'middle'),
            rect(418, 386, 100, 36, 'area'),
            text(468, 409, W.ldapma, 'small', 'middle'),
            rect(556, 386, 132, 36, 'area'),
            text(622, 409, W.fimmaLabel, 'small', 'middle'),
          ],
        },
        {
          part: 'sync',
          els: [
            line('M 296 432 V 486', 'flow', 'end'),
            line('M 444 486 V 434', 'flow', 'end'),
            text(288, 465, W.inbound, 'note', 'end'),
            text(452, 465, W.outbound, 'note'),
            ...chips(['syncRun'], 370, 446, 'middle'),
          ],
        },
        {
          part: 'mv',
          els: [
            rect(20, 488, 680, 64, 'box'),
            text(32, 512, W.mv, 'name'),
            text(32, 536, W.mvSub, 'small'),
            ...chips(['syncRules', 'extensionDll'], 688, 506, 'end'),
          ],
        },
        {
          part: 'service',
          els: [text(22, 588, W.service, 'name'), ...chips(['eventLog', 'latestBuild'], 700, 566, 'end')],
        },
        // SQL Server: a frame for the two databases (not a link itself) and the wires to them.
        {
          els: [
            line('M 245 608 V 656', 'wire'),
            line('M 712 80 H 726 V 700 H 690', 'wire'),
            rect(8, 636, 704, 120, 'frame'),
            text(22, 658, W.sql, 'name'),
          ],
        },
        {
          part: 'syncdb',
          els: [
            { t: 'db', x: 120, y: 656, w: 250, h: 90 },
            text(245, 690, W.syncdbName, 'mono', 'middle'),
            text(245, 706, W.syncdbSub, 'small', 'middle'),
            ...chips(['dbHealth'], 245, 712, 'middle'),
          ],
        },
        {
          part: 'mimdb',
          els: [
            { t: 'db', x: 440, y: 656, w: 250, h: 90 },
            text(565, 690, W.mimdbName, 'mono', 'middle'),
            text(565, 706, W.mimdbSub, 'small', 'middle'),
            ...chips(['sqlPerf'], 565, 712, 'middle'),
          ],
        },
      ],
    };
  }

  function narrow(): Drawing {
    return {
      w: 320,
      h: 1214,
      groups: [
        { els: [rect(8, 258, 304, 624, 'frame')] },
        {
          part: 'systems',
          els: [
            rect(8, 8, 304, 202, 'frame'),
            text(20, 32, W.systems, 'name'),
            ...chips(['connectivity'], 300, 12, 'end'),
            rect(20, 46, 280, 100, 'item'),
            text(32, 65, W.ad, 'label'),
            rect(20, 154, 150, 44, 'item'),
            text(95, 173, W.hr1, 'label', 'middle'),
            text(95, 189, W.hr2, 'small', 'middle'),
            rect(178, 154, 122, 44, 'item'),
            text(239, 181, W.ldap, 'label', 'middle'),
          ],
        },
        {
          part: 'pcns',
          els: [
            line('M 48 138 V 288', 'pw', 'end'),
            text(56, 228, W.pw1, 'note'),
            text(56, 242, W.pw2, 'note'),
            rect(28, 74, 264, 64, 'box'),
            text(38, 93, W.pcns, 'label'),
            ...chips(['pcns6025', 'pcnsSetup'], 38, 102),
          ],
        },
        {
          part: 'import',
          els: [line('M 198 210 V 420', 'flow', 'end'), ...chips(['importRun'], 198, 218, 'middle')],
        },
        {
          part: 'export',
          els: [line('M 272 420 V 212', 'flow', 'end'), ...chips(['exportRun'], 272, 218, 'middle')],
        },
        {
          part: 'mas',
          els: [
            rect(20, 290, 280, 112, 'box'),
            text(32, 312, W.mas, 'name'),
            ...chips(['connectivity', 'runNoStart'], 32, 320),
            rect(32, 358, 76, 36, 'item'),
            text(70, 381, W.adma, 'label', 'middle'),
            rect(116, 358, 88, 36, 'item'),
            text(160, 381, W.sqlma, 'label', 'middle'),
            rect(212, 358, 76, 36, 'item'),
            text(250, 381, W.ldapma, 'label', 'middle'),
          ],
        },
        {
          part: 'cs',
          els: [
            rect(20, 422, 280, 116, 'box'),
            text(32, 444, W.cs, 'name'),
            ...chips(['importErrors'], 288, 426, 'end'),
            rect(32, 458, 124, 32, 'area'),
            text(94, 479, W.adma, 'small', 'middle'),
            rect(164, 458, 124, 32, 'area'),
            text(226, 479, W.sqlma, 'small', 'middle'),
            rect(32, 496, 124, 32, 'area'),
            text(94, 517, W.ldapma, 'small', 'middle'),
            rect(164, 496, 124, 32, 'area'),
            text(226, 517, W.fimmaLabel, 'small', 'middle'),
          ],
        },
        {
          part: 'sync',
          els: [
            line('M 100 538 V 596', 'flow', 'end'),
            line('M 236 596 V 540', 'flow', 'end'),
            text(94, 572, W.inbound, 'note', 'end'),
            text(242, 572, W.outbound, 'note'),
            ...chips(['syncRun'], 168, 554, 'middle'),
          ],
        },
        {
          part: 'mv',
          els: [
            rect(20, 598, 280, 118, 'box'),
            text(32, 620, W.mv, 'name'),
            text(32, 640, W.mvSubShort, 'small'),
            ...stackStart(['syncRules', 'extensionDll'], 32, 648),
          ],
        },
        {
          part: 'fimma',
          els: [
            line('M 160 716 V 734', 'flow', 'end'),
            line('M 268 810 V 908', 'flow', 'end'),
            line('M 292 908 V 812', 'flow', 'end'),
            text(260, 896, W.web, 'note', 'end'),
            rect(20, 736, 280, 74, 'box'),
            text(32, 758, W.fimmaLabel, 'name'),
            ...chips(['stoppedServer', 'slowSync'], 32, 770),
          ],
        },
        {
          part: 'service',
          els: [text(22, 838, W.service, 'name'), ...chips(['eventLog', 'latestBuild'], 22, 846)],
        },
        {
          part: 'mimservice',
          els: [
            rect(150, 910, 162, 106, 'box'),
            text(231, 932, W.mimservice, 'name', 'middle'),
            ...stack(['createRefused', 'updateRefused'], 231, 942),
          ],
        },
        {
          els: [
            line('M 87 882 V 1066', 'wire'),
            line('M 233 1016 V 1066', 'wire'),
            rect(8, 1034, 304, 172, 'frame'),
            text(20, 1056, W.sql, 'name'),
          ],
        },
        {
          part: 'syncdb',
          els: [
            { t: 'db', x: 17, y: 1066, w: 140, h: 128 },
            text(87, 1100, W.syncdb1, 'mono', 'middle'),
            text(87, 1114, W.syncdb2, 'mono', 'middle'),
            text(87, 1131, W.syncdbSub1, 'small', 'middle'),
            text(87, 1145, W.syncdbSub2, 'small', 'middle'),
            ...chips(['dbHealth'], 87, 1154, 'middle'),
          ],
        },
        {
          part: 'mimdb',
          els: [
            { t: 'db', x: 163, y: 1066, w: 140, h: 128 },
            text(233, 1107, W.mimdbName, 'mono', 'middle'),
            text(233, 1131, W.mimdbSub1, 'small', 'middle'),
            text(233, 1145, W.mimdbSub2, 'small', 'middle'),
            ...chips(['sqlPerf'], 233, 1154, 'middle'),
          ],
        },
      ],
    };
  }
  /** Chips stacked, each starting at x. */
  function stackStart(keys: LinkKey[], x: number, y: number, gap = 6): El[] {
    return keys.flatMap((k, i) => chips([k], x, y + i * (CHIP_H + gap)));
  }

  return [
    { id: 'dgw', cls: 'dg-wide', ...wide() },
    { id: 'dgn', cls: 'dg-narrow', ...narrow() },
  ];
}
