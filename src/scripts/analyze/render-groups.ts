/**
 * The report's error groups: one article per group with its pages, its facts and the objects it
 * names. Links come from the catalog map (slugs the build wrote), never from the export.
 */
import type { ErrorGroup } from '../../lib/analyze/model';
import type { CodeInfo, ResolvedGroup } from '../../lib/analyze/links';
import { groupTitle, type Strings } from '../../lib/analyze/ticket';
import { dl, h, section } from '../dom';
import type { Urls } from './render';

/** Error groups drawn per task. */
const GROUPS_PER_TASK = 4;

/** "1 object", "12 events", as the group counts. */
export function countText(g: ErrorGroup, s: Strings): string {
  const n = g.count;
  if (g.kind === 'event') return n === 1 ? s('analyze.group.event') : s('analyze.group.events', { n });
  if (g.kind === 'run') return n === 1 ? s('analyze.group.step') : s('analyze.group.steps', { n });
  return n === 1 ? s('analyze.group.object') : s('analyze.group.objects', { n });
}

function codeLink(e: CodeInfo, urls: Urls, s: Strings): HTMLElement {
  const li = h('li', {}, h('a', { href: urls.code(e.s), 'data-code': e.c }, `${e.c}: ${e.t}`));
  if (e.u) li.append(` (${s('analyze.group.unverified')})`);
  if (e.st && e.sn)
    li.append(
      ' — ',
      s('analyze.group.fix', { step: '' }),
      h('a', { href: urls.step(e.st), 'data-step': e.st }, e.sn),
    );
  return li;
}

const dnList = (dns: string[]) =>
  h('ul', { class: 'an-dns' }, ...dns.map((d) => h('li', {}, h('code', {}, d))));

function groupSection(rg: ResolvedGroup, urls: Urls, s: Strings): HTMLElement {
  const g = rg.group;
  const art = h(
    'article',
    { class: 'an-group', 'data-kind': g.kind, 'data-type': g.errorType, 'data-count': String(g.count) },
    h('h4', {}, groupTitle(g)),
    h(
      'p',
      { class: 'an-meta' },
      `${s(`analyze.kind.${g.kind}`)} · `,
      h('strong', { class: 'an-count' }, countText(g, s)),
    ),
  );
  if (rg.links.length) {
    art.append(
      h('p', {}, s('analyze.group.pages')),
      h('ul', { class: 'an-links' }, ...rg.links.map((e) => codeLink(e, urls, s))),
    );
    if (rg.sameEngine) art.append(h('p', { class: 'an-meta' }, s('analyze.group.sameEngine')));
  }
  if (rg.unknown.length)
    art.append(h('p', { class: 'an-unknown' }, s('analyze.group.unknown', { codes: rg.unknown.join(', ') })));
  const st = g.stack;
  art.append(
    dl([
      [s('analyze.group.code'), g.code],
      [s('analyze.group.errorName'), g.errorName],
      [s('analyze.group.retry'), g.retryMax !== undefined ? String(g.retryMax) : undefined],
      [s('analyze.group.first'), g.firstOccurred],
      [s('analyze.group.last'), g.lastOccurred !== g.firstOccurred ? g.lastOccurred : undefined],
      [s('analyze.group.algorithm'), g.algorithmStep],
      [s('analyze.group.server'), g.server],
      [s('analyze.group.detail'), g.detail],
      [
        s('analyze.group.extension'),
        st?.extension ? [st.extension, st.callsite].filter(Boolean).join(' · ') : undefined,
      ],
      [
        s('analyze.group.exception'),
        st?.exception ? `${st.exception}${st.message ? `: ${st.message}` : ''}` : undefined,
      ],
      [
        st?.own ? s('analyze.group.frameOwn') : s('analyze.group.frameOther'),
        st?.frame ? h('code', { class: 'an-frame' }, st.frame) : undefined,
      ],
      [s('analyze.group.where'), g.where.join('; ')],
    ]),
  );
  if (g.literal)
    art.append(
      h('p', {}, s('analyze.group.literal')),
      h('pre', { class: 'an-literal' }, g.literal.slice(0, 1500)),
    );
  if (g.dns.length) {
    const rest = g.dns.slice(5);
    art.append(h('p', {}, s('analyze.group.dns')), dnList(g.dns.slice(0, 5)));
    if (rest.length)
      art.append(
        h('details', {}, h('summary', {}, s('analyze.group.more', { n: rest.length })), dnList(rest)),
      );
    if (g.count > g.dns.length && g.kind !== 'event' && g.kind !== 'run')
      art.append(
        h(
          'p',
          { class: 'an-meta' },
          s('analyze.group.notListed', { n: g.count - g.dns.length, max: g.dns.length }),
        ),
      );
  }
  return art;
}

/** The groups section; the groups are drawn by the tasks it pushes, a few per task. */
export function groupsSection(
  groups: ResolvedGroup[],
  urls: Urls,
  s: Strings,
  tasks: (() => void)[],
): HTMLElement {
  const sec = section('an-groups', s('analyze.groups.title', { n: groups.length }));
  if (!groups.length) sec.append(h('p', {}, s('analyze.groups.none')));
  for (let i = 0; i < groups.length; i += GROUPS_PER_TASK)
    tasks.push(() => {
      for (const g of groups.slice(i, i + GROUPS_PER_TASK)) sec.append(groupSection(g, urls, s));
    });
  return sec;
}
