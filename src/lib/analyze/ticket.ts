/**
 * The report as text for a ticket, as Markdown, and the grouped errors as CSV; optionally with
 * DNs and names (management agents, accounts, servers, computers, UPNs) replaced by numbered
 * placeholders, the same value always by the same placeholder.
 */
import type { Report } from './model';
import type { CodeInfo, Resolved, ResolvedGroup } from './links';

export type Strings = (key: string, vars?: Record<string, string | number>) => string;

export interface TicketOptions {
  markdown?: boolean;
  anonymize?: boolean;
  /** Absolute URL of a code page and of a step, on the host the reader is on. */
  codeUrl: (slug: string) => string;
  stepUrl: (slug: string) => string;
}

/** DN-looking text: RDNs joined by commas (linear: the parts never overlap). */
const DN =
  /\b(?:CN|OU|DC|O|L|UID|MVID)=(?:\\.|[^,;"<>\n\\])+(?:,\s?(?:CN|OU|DC|O|L|UID)=(?:\\.|[^,;"<>\n\\])+)*/gi;
const UPN = /\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b/g;

export class Anonymizer {
  readonly #map = new Map<string, string>();
  readonly #n = new Map<string, number>();
  #ordered?: [string, string][];

  constructor(r: Report) {
    for (const run of r.runs) {
      this.add('ma', run.ma);
      this.add('account', run.user);
      for (const st of run.steps) {
        this.add('server', st.connection?.server);
        this.add('dn', st.partition);
        for (const o of st.outbound) this.add('ma', o.ma);
      }
    }
    for (const g of r.groups) {
      for (const dn of g.dns) this.add('dn', dn);
      this.add('server', g.server);
      if (g.kind === 'event') for (const w of g.where) this.add('computer', w);
    }
    for (const e of r.events) this.add('ma', e.ma);
  }

  add(kind: string, value: string | undefined): string | undefined {
    const v = value?.trim();
    if (!v || v.length < 2) return undefined;
    let p = this.#map.get(v);
    if (!p) {
      const n = (this.#n.get(kind) ?? 0) + 1;
      this.#n.set(kind, n);
      p = `<${kind}-${n}>`;
      this.#map.set(v, p);
      this.#ordered = undefined;
    }
    return p;
  }

  text(s: string): string {
    this.#ordered ??= [...this.#map].sort((a, b) => b[0].length - a[0].length);
    let out = s;
    for (const [v, p] of this.#ordered) if (out.includes(v)) out = out.split(v).join(p);
    out = out.replace(DN, (m) => this.add('dn', m) ?? m);
    return out.replace(UPN, (m) => this.add('upn', m) ?? m);
  }
}

function countLabel(g: ResolvedGroup['group'], s: Strings): string {
  const n = g.count;
  if (g.kind === 'event') return n === 1 ? s('analyze.group.event') : s('analyze.group.events', { n });
  if (g.kind === 'run') return n === 1 ? s('analyze.group.step') : s('analyze.group.steps', { n });
  return n === 1 ? s('analyze.group.object') : s('analyze.group.objects', { n });
}

export function groupTitle(g: ResolvedGroup['group']): string {
  return [g.errorType, g.code, g.errorName].filter(Boolean).join(' · ');
}

export function toTicket(r: Report, res: Resolved, s: Strings, o: TicketOptions): string {
  const md = !!o.markdown;
  const anon = o.anonymize ? new Anonymizer(r) : undefined;
  const v = (x: string) => (anon ? anon.text(x) : x);
  const esc = (x: string) => (md ? v(x).replace(/([\\`*_[\]<>#|])/g, '\\$1') : v(x));
  const code = (x: string) => (md ? '`' + v(x).replace(/`/g, "'") + '`' : v(x));
  const link = (title: string, url: string) => (md ? `[${esc(title)}](${url})` : `${title} <${url}>`);
  const h = (level: number, title: string) => (md ? `${'#'.repeat(level)} ${esc(title)}` : title);
  const codeLink = (e: CodeInfo) => link(`${e.c}: ${e.t}`, o.codeUrl(e.s));
  const L: string[] = [];
  L.push(h(2, s('analyze.ticket.title')));
  const shape = r.shape ? ' ' + s('analyze.readAs.shape', { shape: s(`analyze.shape.${r.shape}`) }) : '';
  L.push(esc(s('analyze.readAs', { format: s(`analyze.format.${r.format}`) }) + shape));
  if (anon) L.push(esc(s('analyze.ticket.anonymized')));
  if (r.stop)
    L.push(
      esc(s(`analyze.stop.${r.stop.reason}`, { line: r.stop.line ?? '?', detail: r.stop.detail ?? '' })),
    );
  L.push('');
  if (res.first.length) {
    L.push(h(3, s('analyze.first.title')));
    res.first.forEach((g, i) => {
      L.push(
        `${i + 1}. ${code(groupTitle(g.group))} (${esc(s(`analyze.kind.${g.group.kind}`))}, ${countLabel(g.group, s)})`,
      );
      const top = g.links[0];
      if (top?.st && top.sn) L.push(`   ${s('analyze.first.fix')} ${link(top.sn, o.stepUrl(top.st))}`);
      if (top) L.push(`   ${s('analyze.first.page')} ${codeLink(top)}`);
      else L.push(`   ${esc(s('analyze.first.noPage', { code: groupTitle(g.group) }))}`);
    });
    L.push('');
  }
  if (r.runs.length) {
    L.push(h(3, s('analyze.runs.title', { n: r.runs.length })));
    for (const run of r.runs) {
      const head = s('analyze.run.heading', {
        ma: run.ma ?? '?',
        profile: run.profile ?? '?',
        number: run.number ?? '?',
      });
      L.push(`- ${esc(head)}: ${code(run.result ?? '?')}, ${esc(run.start ?? '?')} – ${esc(run.end ?? '?')}`);
      for (const st of run.steps) {
        const parts = [
          `${st.number}. ${code([st.type, st.subtype ? `(${st.subtype})` : ''].filter(Boolean).join(' ') || '?')}`,
        ];
        if (st.partition) parts.push(esc(st.partition));
        parts.push(`→ ${code(st.result ?? '?')}`);
        if (st.counters.length) parts.push(esc(st.counters.map((c) => `${c.name} ${c.value}`).join(', ')));
        const c = st.connection;
        if (c && c.result && c.result !== 'success')
          parts.push(
            esc(
              `${s('analyze.step.connection')}: ${[c.result, c.code, c.literal, c.server].filter(Boolean).join(' ')}`,
            ),
          );
        L.push(`  ${parts.join(' ')}`);
      }
    }
    L.push('');
  }
  if (res.groups.length) {
    L.push(h(3, s('analyze.groups.title', { n: res.groups.length })));
    for (const g of res.groups) {
      const gr = g.group;
      L.push(`- ${code(groupTitle(gr))}: ${esc(s(`analyze.kind.${gr.kind}`))}, ${countLabel(gr, s)}`);
      if (gr.retryMax !== undefined) L.push(`  ${s('analyze.group.retry')}: ${gr.retryMax}`);
      if (gr.firstOccurred) L.push(`  ${s('analyze.group.first')}: ${esc(gr.firstOccurred)}`);
      if (gr.literal)
        L.push(`  ${s('analyze.group.literal')}: ${esc(gr.literal.split('\n')[0].slice(0, 300))}`);
      const st = gr.stack;
      if (st?.exception)
        L.push(
          `  ${s('analyze.group.exception')}: ${code(st.exception)}${st.message ? ' ' + esc(st.message) : ''}`,
        );
      if (st?.frame)
        L.push(`  ${s(st.own ? 'analyze.group.frameOwn' : 'analyze.group.frameOther')}: ${code(st.frame)}`);
      if (gr.dns.length) {
        const more =
          gr.count > gr.dns.length
            ? ` (+${gr.count - Math.min(gr.dns.length, 5)})`
            : gr.dns.length > 5
              ? ` (+${gr.dns.length - 5})`
              : '';
        L.push(`  ${s('analyze.group.dns')}: ${gr.dns.slice(0, 5).map(code).join('; ')}${more}`);
      }
      if (g.links.length) L.push(`  ${s('analyze.group.pages')}: ${g.links.map(codeLink).join('; ')}`);
      if (g.unknown.length) L.push(`  ${esc(s('analyze.group.unknown', { codes: g.unknown.join(', ') }))}`);
    }
    L.push('');
  }
  if (r.csexport) {
    L.push(h(3, s('analyze.cs.title')));
    L.push(esc(s('analyze.cs.objects', { n: r.csexport.objects, errors: r.csexport.withErrors })));
    for (const p of r.csexport.pending)
      L.push(
        `- ${esc(s(`analyze.cs.section.${p.section}`))} ${code(p.operation)} ${code(p.objectType || '?')}: ${p.count}`,
      );
    L.push('');
  }
  if (r.events.length) {
    L.push(h(3, s('analyze.events.title', { n: r.events.length })));
    for (const e of r.events)
      L.push(
        `- ${esc(e.source)} ${code(e.id)}${e.level ? ` (${esc(e.level)})` : ''}: ${e.count}, ${esc(e.first ?? '?')} – ${esc(e.last ?? '?')}`,
      );
    L.push('');
  }
  if (res.unknown.length) {
    L.push(h(3, s('analyze.unknown.title')));
    L.push(res.unknown.map(code).join(', '));
  }
  return L.join('\n').trim() + '\n';
}

/** CSV cells: quoted, and a leading = + - @ made inert so a spreadsheet never runs it. */
function cell(x: string | number | undefined): string {
  let t = x === undefined ? '' : String(x);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return `"${t.replace(/"/g, '""')}"`;
}

export function toCsv(r: Report, res: Resolved, s: Strings, o: TicketOptions): string {
  const anon = o.anonymize ? new Anonymizer(r) : undefined;
  const v = (x: string | undefined) => (x && anon ? anon.text(x) : x);
  const rows = [s('analyze.csv.columns').split(',').map(cell).join(',')];
  for (const g of res.groups) {
    const gr = g.group;
    const top = g.links[0];
    rows.push(
      [
        s(`analyze.kind.${gr.kind}`),
        gr.errorType,
        gr.code,
        gr.errorName,
        gr.count,
        gr.retryMax,
        gr.firstOccurred,
        gr.lastOccurred,
        v(gr.dns[0]),
        top ? o.codeUrl(top.s) : '',
        top?.st ? o.stepUrl(top.st) : '',
        g.unknown.join(' '),
      ]
        .map(cell)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
