/**
 * The version checker in the browser, loaded on first use. It reads the builds from the page's
 * JSON data island (written by buildsToJson, read by buildsFromJson: one pair in
 * src/lib/versions.ts), answers with src/lib/versions.ts and renders the answer below the form.
 * What the user typed reaches the page only as text nodes, never as HTML.
 */
import {
  buildsFromJson,
  checkBuild,
  DATA_ISLAND_ID,
  kbUrl,
  EXAMPLE_FOR_LINE,
  MAX_INPUT,
  MAX_PART,
  PARAM_FOR_LINE,
  prepareCatalog,
  type BuildAnswer,
  type CheckResult,
  type PreparedBuild,
  type ReleaseLine,
  type UpgradeStop,
} from '../lib/versions';
import type { UiKey } from '../i18n';

export interface Checker {
  check(form: HTMLFormElement, updateAddress: boolean): void;
}

type Child = Node | string | number | false | null | undefined;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children)
    if (c !== false && c !== null && c !== undefined) e.append(typeof c === 'number' ? String(c) : c);
  return e;
}

/** Fills {name} placeholders with text or nodes (links), keeping everything else as text. */
function fill(template: string, vars: Record<string, Node | string | number> = {}): (Node | string)[] {
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => {
      const v = /^\{(\w+)\}$/.test(part) ? vars[part.slice(1, -1)] : undefined;
      if (v === undefined) return part;
      return typeof v === 'number' ? String(v) : v;
    });
}

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function attach(root: HTMLElement): Checker {
  const forms = [...root.querySelectorAll<HTMLFormElement>('form[data-line]')];
  const parts = (form: HTMLFormElement) => ({
    line: form.dataset.line as ReleaseLine,
    input: form.querySelector('input')!,
    status: document.getElementById(form.dataset.status ?? '')!,
    result: document.getElementById(form.dataset.result ?? '')!,
  });
  const params = new URLSearchParams(location.search);
  const S = JSON.parse(root.dataset.strings ?? '{}') as Record<UiKey, string>;
  let catalog: ReturnType<typeof prepareCatalog>;
  try {
    catalog = prepareCatalog(
      buildsFromJson(document.getElementById(DATA_ISLAND_ID)?.textContent, (id) =>
        [...(document.getElementById(id)?.querySelectorAll('.vt-notes li') ?? [])].map(
          (li) => li.textContent?.trim() ?? '',
        ),
      ),
    );
  } catch (err) {
    // Say so under each form instead of failing silently; the tables still answer.
    console.error(err);
    for (const f of forms)
      parts(f).result.replaceChildren(
        h('p', { class: 'vc-error', 'data-problem': 'data' }, S['versions.dataError']),
      );
    return { check: () => undefined };
  }
  const t = (key: UiKey, vars: Record<string, string | number> = {}) => fill(S[key], vars).join('');

  const buildLink = (b: PreparedBuild) =>
    h('a', { href: `#${b.id}` }, h('code', {}, b.version), b.connector ? ` ${b.connector}` : '');
  const kbLink = (kb: string) => {
    const href = kbUrl(kb);
    return href ? h('a', { href }, kb) : kb;
  };
  const label = (b: PreparedBuild) => (b.servicePack ? `${b.version} (${b.servicePack})` : b.version);
  const meta = (b: PreparedBuild) => [b.servicePack, b.date, b.kb].filter(Boolean).join(' · ');
  const links = (bs: PreparedBuild[]) =>
    bs.flatMap((b, i) => [i ? ', ' : '', buildLink(b), meta(b) ? ` (${meta(b)})` : '']);
  const badge = (kind: 'latest' | 'unverified' | 'unknown') =>
    kind === 'latest'
      ? h('span', { class: 'badge vc-latest' }, S['versions.latestBadge'])
      : kind === 'unverified'
        ? h('span', { class: 'badge unverified' }, S['versions.unverified'])
        : h('span', { class: 'badge unverified' }, S['versions.unknown.badge']);

  function caveats(b: PreparedBuild): Child {
    if (b.uncertain)
      return h(
        'p',
        { class: 'vc-unverified' },
        h('strong', {}, `${S['versions.unverified']}:`),
        ' ',
        b.note ?? S['versions.unverifiedText'],
      );
    if (b.note) return h('p', { class: 'vc-meta' }, h('strong', {}, S['versions.noteLabel']), ' ', b.note);
    return null;
  }

  function facts(b: PreparedBuild): HTMLElement {
    const row = (key: UiKey, value: string | undefined) =>
      h('div', {}, h('dt', {}, S[key]), h('dd', {}, value ?? S['versions.unknownValue']));
    return h(
      'dl',
      {},
      b.line === 'sync-service' && row('versions.col.sp', b.servicePack),
      row('versions.col.date', b.date),
      b.kb
        ? h('div', {}, h('dt', {}, S['versions.col.kb']), h('dd', {}, kbLink(b.kb)))
        : row('versions.col.kb', undefined),
    );
  }

  function pathList(from: string, stops: UpgradeStop[]): Child[] {
    if (!stops.length) return [];
    const items = stops.map((s) =>
      h(
        'li',
        {},
        buildLink(s.build),
        ' – ',
        ...(s.requiredFor
          ? fill(S[s.kind === 'baseline' ? 'versions.path.baseline' : 'versions.path.required'], {
              target: label(s.requiredFor),
            })
          : [S['versions.path.latest']]),
      ),
    );
    return [
      h('h4', {}, S['versions.path.title']),
      h(
        'ol',
        { class: 'vc-path' },
        h('li', {}, ...fill(S['versions.path.from'], { build: h('code', {}, from) })),
        ...items,
      ),
      h('p', { class: 'vc-caveat' }, S['versions.path.caveat']),
    ];
  }

  function newerList(a: BuildAnswer): Child[] {
    const n = a.newer.length;
    if (!n) return [];
    const list = h(
      'ul',
      { class: 'vc-newer' },
      ...a.newer.map((b) =>
        h(
          'li',
          {},
          buildLink(b),
          meta(b) && h('span', { class: 'vc-meta' }, ` ${meta(b)}`),
          b.uncertain && badge('unverified'),
          h('ul', {}, ...b.notes.map((note) => h('li', {}, note))),
        ),
      ),
    );
    const title = h('h4', {}, t('versions.newer.title', { n }));
    // A long list stays folded so the connector form is still in reach.
    return n > 5
      ? [title, h('details', {}, h('summary', {}, t('versions.newer.show', { n })), list)]
      : [title, list];
  }

  function answer(a: BuildAnswer): HTMLElement & { verdict?: string } {
    const b = a.build;
    const status: Child[] = [];
    if (a.isLatest) status.push(S['versions.status.latest']);
    else if (a.newer.length === 1)
      status.push(...fill(S['versions.status.newer.one'], { latest: buildLink(a.latest) }));
    else if (a.newer.length > 1)
      status.push(
        ...fill(S['versions.status.newer.many'], { n: a.newer.length, latest: buildLink(a.latest) }),
      );
    if (a.latestOfServicePack && b.servicePack)
      status.push(
        ' ',
        ...fill(S['versions.status.latestSp'], {
          sp: b.servicePack,
          build: buildLink(a.latestOfServicePack),
        }),
      );
    if (a.supersededBy)
      status.push(' ', ...fill(S['versions.status.superseded'], { build: buildLink(a.supersededBy) }));
    const verdict = h('p', { class: 'vc-verdict' }, ...status);
    const section = h(
      'section',
      { class: 'vc-answer', 'data-build': b.id },
      h(
        'h3',
        {},
        h('a', { href: `#${b.id}` }, h('code', {}, b.version)),
        ` ${b.connector ?? (b.line === 'connectors' ? S['versions.package'] : '')} `,
        a.isLatest && badge('latest'),
        b.uncertain && badge('unverified'),
      ),
      facts(b),
      verdict,
      caveats(b),
      h('h4', {}, S['versions.notes.this']),
      h('ul', {}, ...b.notes.map((note) => h('li', {}, note))),
      ...pathList(b.version, a.path),
      ...newerList(a),
    );
    return Object.assign(section, { verdict: `${b.version}: ${verdict.textContent ?? ''}` });
  }

  function render(r: CheckResult, raw: string): { nodes: Node[]; summary: string } {
    if (r.kind === 'error') {
      const vars = {
        input: clip(raw.trim()),
        found: clip(r.found ?? ''),
        example: EXAMPLE_FOR_LINE[r.line],
        max: r.problem === 'too-long' ? MAX_INPUT : MAX_PART,
      };
      return {
        nodes: [
          h(
            'p',
            { class: 'vc-error', 'data-problem': r.problem },
            ...fill(S[`versions.error.${r.problem}`], vars),
          ),
        ],
        summary: S['versions.summary.error'],
      };
    }
    // "4, 6, 607, 0" is shown the way builds are written.
    const shown = r.found.includes(',') ? r.version : r.found;
    const read =
      raw.trim() !== r.found
        ? h('p', { class: 'vc-read' }, t('versions.result.read', { version: shown }))
        : null;
    if (r.kind === 'known') {
      const answers = r.answers.map(answer);
      const several = answers.length > 1;
      const summary = several
        ? t('versions.summary.several', { version: shown, n: answers.length })
        : (answers[0]?.verdict ?? '');
      const intro = several
        ? h('p', {}, t('versions.result.several', { version: shown, n: answers.length }))
        : null;
      return { nodes: [read, intro, ...answers].filter((n): n is HTMLElement => !!n), summary };
    }
    const nodes: Child[] = [
      read,
      h('h3', {}, h('code', {}, shown), r.connector ? ` ${r.connector} ` : ' ', badge('unknown')),
      h('p', {}, t('versions.unknown.text', { version: shown })),
      r.connector && h('p', {}, t('versions.unknown.connector', { connector: r.connector })),
      r.below.length
        ? h('p', { class: 'vc-below' }, S['versions.unknown.below'], ' ', ...links(r.below))
        : h('p', { class: 'vc-below' }, S['versions.unknown.oldest']),
      r.above.length
        ? h('p', { class: 'vc-above' }, S['versions.unknown.above'], ' ', ...links(r.above))
        : h(
            'p',
            { class: 'vc-above' },
            ...fill(S['versions.unknown.newest'], { build: r.newest ? buildLink(r.newest) : '' }),
          ),
      ...(['sync-service', 'connectors'] as const).map((line) => {
        const same = r.elsewhere.filter((b) => b.line === line);
        return (
          same.length > 0 &&
          h('p', { class: 'vc-elsewhere' }, S[`versions.unknown.elsewhere.${line}`], ' ', ...links(same))
        );
      }),
      ...pathList(shown, r.path),
    ];
    return {
      nodes: nodes.filter((n): n is Node => n instanceof Node),
      summary: t('versions.summary.unknown', { version: shown }),
    };
  }

  /** The value to put in a shared link: the build as published when known, else what was read. */
  function shareValue(r: CheckResult, raw: string): string {
    if (r.kind === 'error') return raw.trim().slice(0, MAX_INPUT + 1);
    const version = r.kind === 'known' && r.answers.length === 1 ? r.answers[0]!.build.version : r.version;
    return r.connector ? `${r.connector} ${version}` : version;
  }

  function check(form: HTMLFormElement, updateAddress: boolean) {
    const { line, input, status, result } = parts(form);
    const raw = input.value;
    const r = checkBuild(raw, line, catalog);
    const { nodes, summary } = render(r, raw);
    const url = new URL(location.href);
    const value = shareValue(r, raw);
    if (value) url.searchParams.set(PARAM_FOR_LINE[line], value);
    else url.searchParams.delete(PARAM_FOR_LINE[line]);
    url.hash = '';
    if (r.kind !== 'error')
      nodes.push(
        h('p', { class: 'vc-share' }, h('a', { href: `${url.pathname}${url.search}` }, S['versions.share'])),
      );
    result.replaceChildren(...nodes);
    status.textContent = summary;
    if (updateAddress) history.replaceState(history.state, '', url);
  }

  // A shared link (?build=, ?connector=) fills its form and answers at once.
  for (const f of forms) {
    const value = params.get(PARAM_FOR_LINE[parts(f).line]);
    if (value === null) continue;
    parts(f).input.value = value;
    check(f, false);
  }
  return { check };
}
