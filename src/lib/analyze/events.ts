/**
 * Event logs in the three forms admins save them: Event Viewer "Copy details as text" (one or
 * many entries, English or Swedish labels, or the shortened "Source Event 6801" header), "Save All
 * Events As" XML (and `wevtutil qe /f:xml`), and CSV (Event Viewer or Get-WinEvent | Export-Csv).
 * Every entry goes through one collector: counted by source and ID, first and last time, and
 * grouped with the most specific code its description holds (an HRESULT, an exception).
 */
import Papa from 'papaparse';
import type { EventRow, GroupCollector } from './model';
import { reduceStack } from './stack';
import type { XmlSink } from './xml';
import { byCodePoint } from './model';

export interface EventEntry {
  source?: string;
  id?: string;
  level?: string;
  time?: string;
  computer?: string;
  description?: string;
}

/** HRESULTs in a description (0x + 8 hex digits). */
const HRESULT = /(?<![0-9A-Za-z])0x[0-9A-Fa-f]{8}(?![0-9A-Za-z])/g;
const RUN_PROFILE = /management agent "([^"]{1,200})" (?:failed on|completed) run profile "([^"]{1,200})"/;

/** A sortable form of an Event Viewer date: ISO, en-US "5/12/2023 7:34:38 AM", sv-SE "2023-05-12 07:34:38". */
export function timeKey(s: string | undefined): string {
  if (!s) return '';
  const t = s.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?/i.exec(t);
  if (us) {
    let h = Number(us[4]);
    if (us[7]) h = (h % 12) + (us[7].toUpperCase() === 'PM' ? 12 : 0);
    const p = (n: number | string) => String(n).padStart(2, '0');
    return `${us[3]}-${p(us[1])}-${p(us[2])} ${p(h)}:${us[5]}:${us[6] ?? '00'}`;
  }
  return t.replace('T', ' ');
}

export class EventCollector {
  #rows = new Map<string, EventRow & { firstKey: string; lastKey: string }>();
  entries = 0;

  constructor(
    private readonly groups: GroupCollector,
    private readonly codes: Set<string>,
  ) {}

  add(e: EventEntry): void {
    const source = (e.source ?? '').trim() || '?';
    const id = (e.id ?? '').trim().replace(/^0+(?=\d)/, '') || '?';
    this.entries++;
    const key = `${source}\u0000${id}`;
    const k = timeKey(e.time);
    let row = this.#rows.get(key);
    if (!row) {
      row = { source, id, count: 0, firstKey: k, lastKey: k };
      if (e.time) row.first = row.last = e.time.trim();
      if (e.level) row.level = e.level.trim();
      this.#rows.set(key, row);
    }
    row.count++;
    if (e.time && k) {
      if (!row.firstKey || k < row.firstKey) [row.firstKey, row.first] = [k, e.time.trim()];
      if (!row.lastKey || k > row.lastKey) [row.lastKey, row.last] = [k, e.time.trim()];
    }
    const desc = e.description ?? '';
    const rp = RUN_PROFILE.exec(desc);
    if (rp && !row.ma) [row.ma, row.profile] = [rp[1], rp[2]];
    if (id !== '?') this.codes.add(id);
    const hresults = [...new Set((desc.match(HRESULT) ?? []).map((h) => h.toLowerCase()))];
    for (const h of hresults) this.codes.add(h);
    const firstLine = desc
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l && !/^[\uFFFD"]*$/.test(l));
    this.groups.add({
      kind: 'event',
      errorType: `${source} ${id}`,
      eventSource: source,
      eventId: id,
      code: hresults[0],
      codes: hresults.slice(1),
      literal: firstLine,
      stack: reduceStack(desc),
      occurred: e.time?.trim(),
      where: e.computer?.trim() || undefined,
      dn: undefined,
    });
  }

  rows(): EventRow[] {
    return [...this.#rows.values()]
      .map(({ firstKey: _f, lastKey: _l, ...r }) => r)
      .sort((a, b) => b.count - a.count || byCodePoint(a.source, b.source) || byCodePoint(a.id, b.id));
  }
}

// ---------------------------------------------------------------------------------------------
// Event Viewer text

/** English and Swedish Event Viewer labels (Swedish: export-formats.md §4.3, likely but unverified). */
const LABELS: [RegExp, keyof EventEntry | 'log' | 'description' | 'other'][] = [
  [/^(?:log name|loggnamn)$/i, 'log'],
  [/^(?:source|källa)$/i, 'source'],
  [/^(?:date|datum)$/i, 'time'],
  [/^(?:event id|händelse-id)$/i, 'id'],
  [/^(?:level|nivå)$/i, 'level'],
  [/^(?:computer|dator)$/i, 'computer'],
  [/^(?:description|beskrivning)$/i, 'description'],
  [/^(?:task category|aktivitetskategori|keywords|nyckelord|user|användare|opcode)$/i, 'other'],
];
const LABEL_LINE = /^\s*([A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö -]{1,30}?):[ \t]*(.*)$/;
/** "FIMSynchronizationService Event 6801" on a line of its own. */
const SHORT_HEADER = /^\s*([A-Za-z][\w .-]{1,80}?)\s+Event\s+(?:ID\s*)?(\d{1,5})\s*$/i;

function labelOf(label: string): (typeof LABELS)[number][1] | undefined {
  const l = label.trim();
  for (const [re, k] of LABELS) if (re.test(l)) return k;
  return undefined;
}

/** True when the text has Event Viewer labels or the shortened header. */
export function looksLikeEventText(head: string): boolean {
  const lines = head.split(/\r?\n/, 400);
  let labels = 0;
  for (const line of lines) {
    if (SHORT_HEADER.test(line) && !/[<>]/.test(line)) return true;
    const m = LABEL_LINE.exec(line);
    if (m) {
      const k = labelOf(m[1]);
      if (k === 'log' || k === 'id' || k === 'source') labels++;
    }
    if (labels >= 2) return true;
  }
  return false;
}

/** Reads one or many Event Viewer entries; "Event Xml:" tails are skipped. */
export function readEventText(text: string, out: EventCollector): void {
  let cur: EventEntry | undefined;
  let inDescription = false;
  let inXmlTail = false;
  const desc: string[] = [];
  const flush = () => {
    if (cur) {
      cur.description = desc.join('\n').replace(/\\(?=[\\'"<>-])/g, '');
      if (cur.source || cur.id) out.add(cur);
    }
    cur = undefined;
    desc.length = 0;
    inDescription = false;
    inXmlTail = false;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[\u00A0]/g, ' ');
    const short = !/[<>]/.test(line) ? SHORT_HEADER.exec(line) : null;
    if (short) {
      flush();
      cur = { source: short[1], id: short[2] };
      inDescription = true;
      continue;
    }
    if (/^\s*Event Xml:\s*$/i.test(line)) {
      inXmlTail = true;
      inDescription = false;
      continue;
    }
    const m = LABEL_LINE.exec(line);
    const k = m ? labelOf(m[1]) : undefined;
    // A label starts a field only outside a description, or when it opens a new entry.
    if (m && k && (!inDescription || k === 'log' || (k === 'source' && cur?.source !== undefined))) {
      if (k === 'log' || (k === 'source' && cur?.source !== undefined) || inXmlTail) flush();
      cur ??= {};
      if (k === 'description') {
        inDescription = true;
        if (m[2].trim()) desc.push(m[2]);
      } else if (k !== 'log' && k !== 'other') cur[k] = m[2].trim();
      continue;
    }
    if (inXmlTail) continue;
    if (inDescription) desc.push(line);
    else if (cur && desc.length === 0 && line.trim() && cur.id) {
      // Text after the labels with no "Description:" label: treat as the description.
      inDescription = true;
      desc.push(line);
    }
  }
  flush();
}

// ---------------------------------------------------------------------------------------------
// Event XML ("Save All Events As" XML, wevtutil qe /f:xml)

export class EventXmlSink implements XmlSink {
  #cur?: EventEntry & { data: string[]; message?: string };
  #names: string[] = [];

  constructor(private readonly out: EventCollector) {}

  open(rawName: string, attrs: Record<string, string>): void {
    const name = rawName.replace(/^.*:/, '');
    this.#names.push(name);
    if (name === 'Event') this.#cur = { data: [] };
    const e = this.#cur;
    if (!e) return;
    if (name === 'Provider') e.source = attrs.Name ?? attrs.EventSourceName;
    else if (name === 'TimeCreated') e.time = attrs.SystemTime;
  }

  close(rawName: string, text: string): void {
    const name = rawName.replace(/^.*:/, '');
    this.#names.pop();
    const e = this.#cur;
    if (!e) return;
    const v = text.trim();
    const parent = this.#names[this.#names.length - 1];
    if (name === 'EventID') e.id = v;
    else if (name === 'Level' && parent === 'System') e.level = v;
    else if (name === 'Computer') e.computer = v;
    else if (name === 'Data' && v) e.data.push(v);
    else if (name === 'Message' && v) e.message = v;
    else if (name === 'Event') {
      e.description = e.message ?? e.data.join('\n');
      this.out.add(e);
      this.#cur = undefined;
    }
  }

  finish(): void {
    const e = this.#cur;
    if (e && (e.source || e.id)) {
      e.description = e.message ?? e.data.join('\n');
      this.out.add(e);
    }
    this.#cur = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV (Event Viewer "Save All Events As" CSV, Get-WinEvent | Export-Csv)

const CSV_COLUMNS: [RegExp, keyof EventEntry][] = [
  [/^(?:level|nivå|leveldisplayname)$/i, 'level'],
  [/^(?:date and time|datum och tid|timecreated|date|datum)$/i, 'time'],
  [/^(?:source|källa|providername)$/i, 'source'],
  [/^(?:event id|händelse-id|id|eventid)$/i, 'id'],
  [/^(?:message|description|beskrivning|meddelande)$/i, 'description'],
  [/^(?:computer|dator|machinename)$/i, 'computer'],
];

/** True when the first line is an event CSV header. */
export function looksLikeEventCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 3);
  const line = /^#TYPE /.test(first[0]) ? (first[1] ?? '') : first[0];
  const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  const has = (re: RegExp) => cells.some((c) => re.test(c));
  return has(/^(?:event id|händelse-id|id|eventid)$/i) && has(/^(?:source|källa|providername)$/i);
}

export function readEventCsv(text: string, out: EventCollector): void {
  const body = text.replace(/^\uFEFF/, '').replace(/^#TYPE [^\n]*\n/, '');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true, delimitersToGuess: [',', ';', '\t'] });
  const rows = parsed.data;
  if (!rows.length) return;
  const header = rows[0].map((h) => h.trim());
  const map = new Map<number, keyof EventEntry>();
  header.forEach((h, i) => {
    for (const [re, k] of CSV_COLUMNS) if (re.test(h) && ![...map.values()].includes(k)) map.set(i, k);
  });
  // Event Viewer writes the description in a last column with no header of its own.
  const hasDescription = [...map.values()].includes('description');
  for (const row of rows.slice(1)) {
    const e: EventEntry = {};
    for (const [i, k] of map) if (row[i] !== undefined) e[k] = row[i];
    if (!hasDescription && row.length > header.length) e.description = row.slice(header.length).join(',');
    else if (!hasDescription) e.description = row[row.length - 1];
    out.add(e);
  }
}
