/**
 * The one DOM builder for the browser scripts (as Pagefind's modular UI shares one
 * element-builder). Text always goes in as text nodes, never as HTML, so what a reader pasted
 * can never become markup.
 */

/** A child for h(): a node, text, a number, or nothing (false/null/undefined are skipped). */
export type Child = Node | string | number | false | null | undefined;

/** An element with attributes (undefined or false leaves one out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined | false> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) e.setAttribute(k, v);
  for (const c of children)
    if (c !== false && c !== null && c !== undefined) e.append(typeof c === 'number' ? String(c) : c);
  return e;
}

/**
 * A UI string with its {name} placeholders filled by text or by nodes (a link, a <code>), as a
 * list to pass to h() or append(). Unknown names stay as written, like lib/template's fill().
 */
export function fill(template: string, vars: Record<string, Node | string | number> = {}): (Node | string)[] {
  const byName = new Map(Object.entries(vars));
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => {
      const v = /^\{\w+\}$/.test(part) ? byName.get(part.slice(1, -1)) : undefined;
      if (v === undefined) return part;
      return typeof v === 'number' ? String(v) : v;
    });
}
