/**
 * The analyzer: text goes in by chunks (from a File read in slices, or a paste cut in pieces),
 * a Report comes out. The format is decided from the first DETECT_CHARS characters; XML formats
 * then stream through saxes without keeping the document; the text formats (event text, CSV,
 * Entra JSON or Format-List), which are small by nature, are read whole up to MAX_TEXT_FORMAT.
 */
import { CsExportSink } from './csexport';
import { DETECT_CHARS, detectFormat } from './detect';
import { runFacts, runXml, readEntraJson, readEntraList } from './entra';
import { EventCollector, EventXmlSink, readEventCsv, readEventText } from './events';
import { emptyReport, GroupCollector, type FormatId, type Report } from './model';
import { PreviewSink } from './preview';
import { RunHistorySink } from './runhistory';
import { XmlStream, type XmlSink } from './xml';

export * from './model';
export { detectFormat, looksLikeExport } from './detect';
export { sniffEncoding, type Sniffed } from './encoding';

/** Largest event text, CSV or Entra listing read (they are kilobytes to a few megabytes in practice). */
export const MAX_TEXT_FORMAT = 64 * 1024 * 1024;

const XML_FORMATS = new Set<FormatId>(['run-history', 'csexport', 'event-xml', 'preview']);

export class Analyzer {
  #head = '';
  #format?: FormatId | 'unknown';
  #xml?: XmlStream;
  #sink?: XmlSink;
  #text: string[] = [];
  #textLength = 0;
  readonly #groups = new GroupCollector();
  readonly #codes = new Set<string>();
  readonly #events = new EventCollector(this.#groups, this.#codes);
  readonly #report: Report = emptyReport();
  #ended = false;

  constructor(opts: { encoding?: string } = {}) {
    if (opts.encoding) this.#report.encoding = opts.encoding;
  }

  /** True once reading stopped (hostile or broken input): the caller can stop reading the file. */
  get stopped(): boolean {
    return !!(this.#xml?.stop && this.#xml.stop.kind !== 'truncated') || this.#report.stop?.kind === 'limit';
  }

  push(text: string): void {
    if (this.#ended || !text) return;
    this.#report.chars += text.length;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1))
      this.#report.replacementChars++;
    if (this.#format === undefined) {
      this.#head += text;
      if (this.#head.length < DETECT_CHARS) return;
      this.#decide();
      const head = this.#head;
      this.#head = '';
      this.#route(head);
      return;
    }
    this.#route(text);
  }

  #decide(): void {
    const f = detectFormat(this.#head);
    this.#format = f;
    this.#report.format = f;
    if (f === 'unknown' || !XML_FORMATS.has(f)) return;
    if (f === 'run-history') this.#sink = new RunHistorySink(this.#groups, this.#codes);
    else if (f === 'csexport') this.#sink = new CsExportSink(this.#groups, this.#codes);
    else if (f === 'preview') this.#sink = new PreviewSink(this.#groups, this.#codes);
    else this.#sink = new EventXmlSink(this.#events);
    this.#xml = new XmlStream(this.#sink);
  }

  #route(text: string): void {
    if (this.#xml) {
      this.#xml.write(text);
      return;
    }
    if (this.#textLength + text.length > MAX_TEXT_FORMAT) {
      this.#report.stop ??= { kind: 'limit', reason: 'limit', detail: String(MAX_TEXT_FORMAT >> 20) };
      return;
    }
    this.#text.push(text);
    this.#textLength += text.length;
  }

  end(): Report {
    if (this.#ended) return this.#report;
    this.#ended = true;
    if (this.#format === undefined) {
      this.#decide();
      const head = this.#head;
      this.#head = '';
      this.#route(head);
    }
    const r = this.#report;
    const text = this.#text.join('');
    this.#text = [];
    try {
      if (this.#xml) {
        this.#xml.end();
        if (this.#xml.stop) r.stop = this.#xml.stop;
        const declared = this.#xml.declared;
        if (declared) {
          r.declaredEncoding = declared;
          const actual = (r.encoding ?? '').replace(/-?(le|be)$/, '');
          if (declared.replace(/-?(le|be)$/, '') !== actual)
            r.notes.push({ key: 'declaration', vars: { declared, actual: r.encoding ?? 'text' } });
        }
      } else if (this.#format === 'event-text') readEventText(text, this.#events);
      else if (this.#format === 'event-csv') readEventCsv(text, this.#events);
      else if (this.#format === 'entra-json' || this.#format === 'entra-list') this.#readEntra(text);
    } catch (e) {
      r.stop ??= {
        kind: 'malformed',
        reason: 'malformed',
        detail: String((e as Error)?.message ?? e).slice(0, 200),
      };
    }
    const sink = this.#sink;
    if (sink instanceof RunHistorySink) {
      r.runs = sink.runs;
      r.shape ??= shapeOf(sink.roots, sink.runs.length);
    } else if (sink instanceof CsExportSink) r.csexport = sink.summary();
    if (this.#events.entries) r.events = this.#events.rows();
    r.groups = this.#groups.list();
    r.codes = [...this.#codes];
    if (r.replacementChars) r.notes.push({ key: 'replacement', vars: { n: r.replacementChars } });
    return r;
  }

  #readEntra(text: string): void {
    const objects = this.#format === 'entra-json' ? readEntraJson(text) : readEntraList(text);
    const sink = new RunHistorySink(this.#groups, this.#codes);
    this.#sink = sink;
    for (const o of objects) {
      const before = sink.runs.length;
      const xml = new XmlStream(sink);
      xml.write(runXml(o));
      xml.end();
      if (xml.stop && !this.#report.stop) this.#report.stop = xml.stop;
      const run = sink.runs[before];
      if (!run) continue;
      const facts = runFacts(o);
      if (facts.start) run.start = facts.start;
      if (facts.end) run.end = facts.end;
      if (facts.result) {
        run.result = facts.result;
        this.#codes.add(facts.result);
        // Without -RunStepDetails the run result is all there is.
        if (!run.steps.length && facts.result !== 'success')
          this.#groups.add({
            kind: 'run',
            errorType: facts.result,
            where: `${run.ma ?? '?'} #${run.number ?? '?'}`,
            occurred: run.end,
          });
      }
    }
    this.#report.shape = objects.length > 1 ? 'many-runs' : 'single-run';
  }
}

function shapeOf(roots: Map<string, number>, runs: number): string {
  if (roots.has('runs')) return 'runs-wrapper';
  if (roots.has('execution-histories')) return 'execution-histories';
  if ((roots.get('run-history') ?? 0) > 1) return 'back-to-back';
  if (roots.has('run-details') && !roots.has('run-history')) return runs > 1 ? 'many-runs' : 'bare-run';
  if (roots.has('step-details')) return 'fragment';
  return runs > 1 ? 'many-runs' : 'single-run';
}

/** Reads a whole string (a paste, a test sample) in one go. */
export function analyzeText(text: string, opts: { chunk?: number; encoding?: string } = {}): Report {
  const a = new Analyzer(opts);
  const size = opts.chunk ?? 1 << 20;
  for (let i = 0; i < text.length && !a.stopped; i += size) a.push(text.slice(i, i + size));
  return a.end();
}
