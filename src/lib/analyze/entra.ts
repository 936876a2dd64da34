/**
 * Entra Connect (ADSync) run-profile results: Get-ADSyncRunProfileResult [-RunStepDetails] as
 * ConvertTo-Json output or as Format-List text copied from a console. The objects carry the same
 * run-history XML split into string properties (ConnectorConnectionInformationXml, StepXml,
 * SyncErrors …), so each run is rebuilt as one run-details document and read by the run-history
 * reader: one code path for the counters, connection errors and object errors.
 * Object model: shared/reference/export-formats.md §2.
 */
type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };
type Obj = { [k: string]: Value };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "\/Date(1649391053843)\/" (Windows PowerShell ConvertTo-Json) or ISO, as the run-history date form. */
export function entraDate(v: Value): string | undefined {
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const ms = /^\/?Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/?$/.exec(v.replace(/\\/g, ''));
  if (ms) {
    const d = new Date(Number(ms[1]));
    if (!Number.isNaN(d.getTime())) return d.toISOString().replace('T', ' ').replace('Z', '');
  }
  return v.trim().replace('T', ' ');
}

/** StageNoChange → stage-no-change. */
const kebab = (k: string) => k.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function counterSection(key: string): string | undefined {
  if (/^Stage[A-Z]/.test(key)) return 'staging-counters';
  if (/^Export(?:Add|Update|Rename|Delete|DeleteAdd|Failure)$/.test(key)) return 'export-counters';
  if (/^(?:Disconnector[A-Z]|Connector(?:Filtered|Flow|NoFlow|Delete)|FlowFailure$)/.test(key))
    return 'inbound-flow-counters';
  return undefined;
}

/** The text of an XML property, whether it is a string or an object holding …Xml strings. */
function xmlOf(v: Value): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const k of Object.keys(v)) if (/Xml$/.test(k) && typeof v[k] === 'string') return v[k] as string;
  }
  return '';
}

function wrap(xml: string, element: string): string {
  const x = xml.trim();
  if (!x) return '';
  return x.includes(`<${element}`) ? x : `<${element}>${x}</${element}>`;
}

const get = (o: Obj, k: string): Value => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const str = (v: Value) => (v === null || v === undefined ? '' : String(v));

function stepXml(s: Obj, fallbackNumber: number): string {
  const n = Number(str(get(s, 'StepNumber'))) || fallbackNumber;
  const parts: string[] = [`<step-details step-number="${n}">`];
  const start = entraDate(get(s, 'StartDate'));
  const end = entraDate(get(s, 'EndDate'));
  if (start) parts.push(`<start-date>${esc(start)}</start-date>`);
  if (end) parts.push(`<end-date>${esc(end)}</end-date>`);
  if (get(s, 'StepResult')) parts.push(`<step-result>${esc(str(get(s, 'StepResult')))}</step-result>`);
  parts.push(wrap(xmlOf(get(s, 'StepXml')), 'step-description'));
  parts.push(wrap(xmlOf(get(s, 'ConnectorConnectionInformationXml')), 'ma-connection'));
  parts.push(wrap(xmlOf(get(s, 'ConnectorDiscoveryErrors')), 'ma-discovery-errors'));
  parts.push(wrap(xmlOf(get(s, 'ConnectorCountersXml')), 'ma-discovery-counters'));
  parts.push(wrap(xmlOf(get(s, 'SyncErrors')), 'synchronization-errors'));
  parts.push(wrap(xmlOf(get(s, 'MvRetryErrors')), 'mv-retry-errors'));
  parts.push(xmlOf(get(s, 'FlowCountersXml')).trim());
  const sections = new Map<string, string[]>();
  for (const k of Object.keys(s)) {
    const sec = counterSection(k);
    const v = str(get(s, k)).trim();
    if (sec && /^\d+$/.test(v))
      (sections.get(sec) ?? sections.set(sec, []).get(sec)!).push(`<${kebab(k)}>${v}</${kebab(k)}>`);
  }
  for (const [sec, list] of sections) parts.push(`<${sec}>${list.join('')}</${sec}>`);
  parts.push('</step-details>');
  return parts.join('');
}

/** One RunProfileResult as a run-details document. */
export function runXml(r: Obj): string {
  const parts = ['<run-details>'];
  const field = (el: string, k: string) => {
    const v = str(get(r, k)).trim();
    if (v) parts.push(`<${el}>${esc(v)}</${el}>`);
  };
  field('ma-name', 'ConnectorName');
  field('run-number', 'RunNumber');
  field('run-profile-name', 'RunProfileName');
  field('security-id', 'Username');
  const steps = get(r, 'RunStepResults');
  const list = Array.isArray(steps) ? steps : steps && typeof steps === 'object' ? [steps] : [];
  list.forEach((s, i) => {
    if (s && typeof s === 'object' && !Array.isArray(s)) parts.push(stepXml(s, i + 1));
  });
  parts.push('</run-details>');
  return parts.join('');
}

/** Run-level facts that the rebuilt XML cannot hold (Entra has a run result and run dates). */
export function runFacts(r: Obj): { result?: string; start?: string; end?: string } {
  return {
    result: str(get(r, 'Result')).trim() || undefined,
    start: entraDate(get(r, 'StartDate')),
    end: entraDate(get(r, 'EndDate')),
  };
}

export function looksLikeEntraJson(head: string): boolean {
  return /^\s*[[{]/.test(head) && /"(?:RunProfileName|ConnectorName|RunHistoryId)"\s*:/.test(head);
}

export function looksLikeEntraList(head: string): boolean {
  return /^\s*(?:RunProfileName|ConnectorName|RunHistoryId)\s+:/m.test(head);
}

export function readEntraJson(text: string): Obj[] {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Value;
  const list = Array.isArray(data) ? data : [data];
  return list.filter((x): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x));
}

const KEY_LINE = /^(\s*)([A-Za-z][A-Za-z0-9]{0,60})(\s*): ?(.*)$/;

/**
 * Format-List text: "Key : value" lines; a value the console wrapped continues on lines indented
 * to the value column, and is joined back without a separator (the console breaks mid-word:
 * "ConnectorCon␤nectionInformationXml"). A key seen twice starts the next object.
 */
export function readEntraList(text: string): Obj[] {
  const out: Obj[] = [];
  let cur: Obj | undefined;
  let last: string | undefined;
  let keyIndent = -1;
  let valueCol = 0;
  for (const line of text.split(/\r?\n/)) {
    const m = KEY_LINE.exec(line);
    if (m && (keyIndent < 0 || m[1].length <= keyIndent)) {
      keyIndent = m[1].length;
      valueCol = m[1].length + m[2].length + m[3].length + 2;
      if (!cur || Object.prototype.hasOwnProperty.call(cur, m[2]))
        out.push((cur = Object.create(null) as Obj));
      cur[m[2]] = m[4];
      last = m[2];
      continue;
    }
    if (!cur || !last || !line.trim()) continue;
    const cont =
      line.length > valueCol && !line.slice(0, valueCol).trim() ? line.slice(valueCol) : line.trimStart();
    cur[last] = str(cur[last]) + cont;
  }
  for (const o of out) {
    const steps = str(get(o, 'RunStepResults')).trim();
    if (steps.startsWith('{')) o.RunStepResults = parseStepList(steps);
  }
  return out;
}

/** "{@{A=1; B=<xml>}, @{…}}" → objects. */
function parseStepList(s: string): Obj[] {
  const inner = s.replace(/^\{\s*/, '').replace(/\s*\}$/, '');
  return inner
    .split(/\},\s*@\{/)
    .map((item) => item.replace(/^@\{/, '').replace(/\}$/, ''))
    .filter((item) => item.trim())
    .map((item) => {
      const o: Obj = Object.create(null);
      for (const part of item.split(/; (?=[A-Za-z][A-Za-z0-9]{0,60}=)/)) {
        const eq = part.indexOf('=');
        if (eq > 0) o[part.slice(0, eq).trim()] = part.slice(eq + 1);
      }
      return o;
    });
}
