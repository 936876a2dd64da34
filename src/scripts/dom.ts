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

/**
 * A <dl> of label/value rows. A row that is false, or whose value is empty (undefined, null,
 * false, ''), is left out.
 */
export function dl(rows: ([string, Child] | false)[]): HTMLDListElement {
  const d = h('dl');
  for (const row of rows) {
    if (!row) continue;
    const [k, v] = row;
    if (v !== undefined && v !== '' && v !== null && v !== false)
      d.append(h('div', {}, h('dt', {}, k), h('dd', {}, v)));
  }
  return d;
}

/** A <table> with one row of column headers (`scope="col"`) over `body`. */
export function table(
  attrs: Record<string, string | undefined | false>,
  headers: string[],
  body: HTMLTableSectionElement,
): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('thead', {}, h('tr', {}, ...headers.map((c) => h('th', { scope: 'col' }, c)))),
    body,
  );
}

/** A <section> named by its own <h3> (aria-labelledby), as the report's sections are. */
export function section(id: string, title: string, attrs: Record<string, string> = {}): HTMLElement {
  return h('section', { ...attrs, 'aria-labelledby': id }, h('h3', { id }, title));
}
