/**
 * The version checker's answer as DOM: what a build is, what came after it and the way to the
 * latest one, or why the input was not read. Built with h() only, so what the user typed
 * reaches the page as text nodes, never as HTML.
 */
import { dl, fill as fillNodes, h, type Child } from './dom';
import type { Translate } from './strings';
import type { UiKey } from '../i18n/en';

/**
 * A UI string as a list for h(), its {name} placeholders filled by text or by nodes (a link, a
 * <code>). Here, not in strings.ts: strings.ts loads before any interaction on every page, and
 * the DOM builder would push it over the 5 KB script budget.
 */
const stringNodes = (t: Translate, key: UiKey, vars: Record<string, Node | string | number> = {}) =>
  fillNodes(t(key), vars);
import {
  EXAMPLE_FOR_LINE,
  kbUrl,
  MAX_INPUT,
  MAX_PART,
  type BuildAnswer,
  type CheckResult,
  type PreparedBuild,
  type UpgradeStop,
} from '../lib/versions';

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Renders a check's result with the page's strings: the nodes, and a one-line summary for the status. */
export function resultRenderer(
  t: Translate,
): (r: CheckResult, raw: string) => { nodes: Node[]; summary: string } {
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
      ? h('span', { class: 'badge vc-latest' }, t('versions.latestBadge'))
      : kind === 'unverified'
        ? h('span', { class: 'badge unverified' }, t('versions.unverified'))
        : h('span', { class: 'badge unverified' }, t('versions.unknown.badge'));

  function caveats(b: PreparedBuild): Child {
    if (b.uncertain)
      return h(
        'p',
        { class: 'vc-unverified' },
        h('strong', {}, `${t('versions.unverified')}:`),
        ' ',
        b.note ?? t('versions.unverifiedText'),
      );
    if (b.note) return h('p', { class: 'vc-meta' }, h('strong', {}, t('versions.noteLabel')), ' ', b.note);
    return null;
  }

  function facts(b: PreparedBuild): HTMLElement {
    const unknown = t('versions.unknownValue');
    return dl([
      b.line === 'sync-service' && [t('versions.col.sp'), b.servicePack ?? unknown],
      [t('versions.col.date'), b.date ?? unknown],
      [t('versions.col.kb'), b.kb ? kbLink(b.kb) : unknown],
    ]);
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
          ? stringNodes(t, s.kind === 'baseline' ? 'versions.path.baseline' : 'versions.path.required', {
              target: label(s.requiredFor),
            })
          : [t('versions.path.latest')]),
      ),
    );
    return [
      h('h4', {}, t('versions.path.title')),
      h(
        'ol',
        { class: 'vc-path' },
        h('li', {}, ...stringNodes(t, 'versions.path.from', { build: h('code', {}, from) })),
        ...items,
      ),
      h('p', { class: 'vc-caveat' }, t('versions.path.caveat')),
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
    if (a.isLatest) status.push(t('versions.status.latest'));
    else if (a.newer.length === 1)
      status.push(...stringNodes(t, 'versions.status.newer.one', { latest: buildLink(a.latest) }));
    else if (a.newer.length > 1)
      status.push(
        ...stringNodes(t, 'versions.status.newer.many', { n: a.newer.length, latest: buildLink(a.latest) }),
      );
    if (a.latestOfServicePack && b.servicePack)
      status.push(
        ' ',
        ...stringNodes(t, 'versions.status.latestSp', {
          sp: b.servicePack,
          build: buildLink(a.latestOfServicePack),
        }),
      );
    if (a.supersededBy)
      status.push(' ', ...stringNodes(t, 'versions.status.superseded', { build: buildLink(a.supersededBy) }));
    const verdict = h('p', { class: 'vc-verdict' }, ...status);
    const section = h(
      'section',
      { class: 'vc-answer', 'data-build': b.id },
      h(
        'h3',
        {},
        h('a', { href: `#${b.id}` }, h('code', {}, b.version)),
        ` ${b.connector ?? (b.line === 'connectors' ? t('versions.package') : '')} `,
        a.isLatest && badge('latest'),
        b.uncertain && badge('unverified'),
      ),
      facts(b),
      verdict,
      caveats(b),
      h('h4', {}, t('versions.notes.this')),
      h('ul', {}, ...b.notes.map((note) => h('li', {}, note))),
      ...pathList(b.version, a.path),
      ...newerList(a),
    );
    return Object.assign(section, { verdict: `${b.version}: ${verdict.textContent ?? ''}` });
  }

  return function render(r, raw) {
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
            ...stringNodes(t, `versions.error.${r.problem}`, vars),
          ),
        ],
        summary: t('versions.summary.error'),
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
        ? h('p', { class: 'vc-below' }, t('versions.unknown.below'), ' ', ...links(r.below))
        : h('p', { class: 'vc-below' }, t('versions.unknown.oldest')),
      r.above.length
        ? h('p', { class: 'vc-above' }, t('versions.unknown.above'), ' ', ...links(r.above))
        : h(
            'p',
            { class: 'vc-above' },
            ...stringNodes(t, 'versions.unknown.newest', { build: r.newest ? buildLink(r.newest) : '' }),
          ),
      ...(['sync-service', 'connectors'] as const).map((line) => {
        const same = r.elsewhere.filter((b) => b.line === line);
        return (
          same.length > 0 &&
          h('p', { class: 'vc-elsewhere' }, t(`versions.unknown.elsewhere.${line}`), ' ', ...links(same))
        );
      }),
      ...pathList(shown, r.path),
    ];
    return {
      nodes: nodes.filter((n): n is Node => n instanceof Node),
      summary: t('versions.summary.unknown', { version: shown }),
    };
  };
}
