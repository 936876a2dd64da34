/**
 * The sync-flow diagram for one language: the words from content/diagram.yaml placed by
 * src/lib/diagram-layout.ts, and every link resolved to its page. The catalog has already
 * failed the build if a link names a step or code that does not exist.
 */
import { localizedPath, type Lang } from '../i18n';
import { diagramLayouts, LINK_KEYS, type Layout, type LinkKey, type PartKey } from '../lib/diagram-layout';
import type { Catalog } from './catalog';

export interface DiagramTarget {
  href: string;
  /** The title of the page it leads to. */
  title: string;
  /** The code itself, for links to a code page. */
  code?: string | undefined;
}
export interface DiagramChip {
  label: string;
  target: DiagramTarget;
}
export interface DiagramPart {
  key: PartKey;
  name: string;
  description: string;
  /** Its links, one per page. */
  targets: DiagramTarget[];
}
export interface DiagramView {
  title: string;
  description: string;
  caption: string;
  listTitle: string;
  layouts: Layout[];
  chips: Record<LinkKey, DiagramChip>;
  parts: DiagramPart[];
}

/** The diagram in `lang`, or undefined for a site without content/diagram.yaml. */
export function diagramView(catalog: Catalog, lang: Lang, base: string): DiagramView | undefined {
  const d = catalog.diagram;
  if (!d) return undefined;
  const target = (key: LinkKey): DiagramTarget => {
    const l = d.links[key];
    if (l.step !== undefined) {
      const step = catalog.stepBySlug.get(l.step)!;
      return { href: localizedPath(base, lang, `steps/${l.step}`), title: step.title[lang] };
    }
    const code = catalog.codeBySlug.get(l.code!)!;
    return {
      href: localizedPath(base, lang, `codes/${l.code}`),
      title: code.data.title[lang],
      code: code.data.code,
    };
  };
  const chips = Object.fromEntries(
    LINK_KEYS.map((k) => [k, { label: d.links[k].label[lang], target: target(k) }]),
  ) as Record<LinkKey, DiagramChip>;
  const of = <K extends string>(m: Record<K, { en: string; sv: string }>) =>
    Object.fromEntries(Object.entries<{ en: string; sv: string }>(m).map(([k, v]) => [k, v[lang]])) as Record<
      K,
      string
    >;
  const parts = (Object.keys(d.parts) as PartKey[]).map((key) => {
    const p = d.parts[key];
    const hrefs = new Map(p.links.map((k) => [chips[k].target.href, chips[k].target]));
    return { key, name: p.name[lang], description: p.description[lang], targets: [...hrefs.values()] };
  });
  return {
    title: d.title[lang],
    description: d.description[lang],
    caption: d.caption[lang],
    listTitle: d.listTitle[lang],
    layouts: diagramLayouts({
      label: Object.fromEntries(LINK_KEYS.map((k) => [k, chips[k].label])) as Record<LinkKey, string>,
      part: Object.fromEntries(parts.map((p) => [p.key, p.name])) as Record<PartKey, string>,
      word: of(d.words),
    }),
    chips,
    parts,
  };
}
