/**
 * Run-history XML (MIIS_RunHistory.RunDetails(), Sync Service Manager "Save to file", Clear Runs,
 * Lithnet Save-RunHistory) as a stream of elements: one Run per run-details, steps sorted into
 * step order (the XML lists the newest first), counters, the connection result and every object
 * error grouped by type. Element tree: shared/reference/export-formats.md §1.3.
 */
import type { Counter, GroupKind, Run, Step } from './model';
import { ErrorScopeSink, Scope, type Attrs } from './scope';

const COUNTER_PARENTS = new Set([
  'staging-counters',
  'inbound-flow-counters',
  'export-counters',
  'ma-discovery-counters',
]);
const ERROR_KINDS = new Map<string, GroupKind>([
  ['import-error', 'import'],
  ['export-error', 'export'],
  ['ma-object-error', 'discovery'],
  ['retry-error', 'retry'],
]);
const ERROR_PARENTS = new Set(['synchronization-errors', 'ma-discovery-errors', 'mv-retry-errors']);

export class RunHistorySink extends ErrorScopeSink {
  readonly runs: Run[] = [];
  /** Root elements seen, for the shape: run-history, execution-histories, runs, run-details … */
  readonly roots = new Map<string, number>();
  #run?: Run;
  #step?: Step;
  #incident?: Map<string, string>;
  #outbound?: { ma: string; counters: Counter[] };

  protected element(name: string, attrs: Attrs, depth: number, parent?: string): Scope | undefined {
    // A root is never inside an error, so every root is counted here.
    if (depth === 1) this.roots.set(name, (this.roots.get(name) ?? 0) + 1);
    switch (name) {
      case 'run-details':
        this.#run = { steps: [] };
        this.runs.push(this.#run);
        return undefined;
      case 'step-details': {
        const run = this.#run ?? (this.#run = { steps: [] });
        if (!this.runs.includes(run)) this.runs.push(run);
        const n = Number(attrs['step-number'] ?? attrs.number);
        this.#step = {
          number: Number.isFinite(n) && n > 0 ? n : run.steps.length + 1,
          counters: [],
          outbound: [],
          errors: { discovery: 0, import: 0, export: 0, retry: 0 },
        };
        run.steps.push(this.#step);
        return undefined;
      }
      case 'step-type':
        if (this.#step && attrs.type) this.#step.type = attrs.type;
        return undefined;
      case 'outbound-flow-counters':
        this.#outbound = { ma: attrs.ma ?? '', counters: [] };
        return undefined;
      case 'incident':
        this.#incident = new Map();
        return undefined;
    }
    const kind = ERROR_KINDS.get(name);
    if (kind && (parent === undefined || ERROR_PARENTS.has(parent))) return new Scope(kind, depth, attrs);
    return undefined;
  }

  protected located(scope: Scope): { dn?: string; where?: string } {
    const step = this.#step;
    if (step) step.errors[scope.kind as 'import' | 'export' | 'discovery' | 'retry']++;
    return { where: this.#where() };
  }

  protected closed(name: string, text: string, parent?: string): void {
    const v = text.trim();
    if (this.#incident) {
      if (name === 'incident') this.#closeIncident();
      else if (v && !this.#incident.has(name)) this.#incident.set(name, v);
      return;
    }
    const run = this.#run;
    const step = this.#step;
    switch (parent) {
      case 'run-details':
        if (!run) break;
        if (name === 'ma-name') run.ma = v;
        else if (name === 'run-profile-name') run.profile = v;
        else if (name === 'run-number' && /^\d+$/.test(v)) run.number = Number(v);
        else if (name === 'security-id') run.user = v;
        break;
      case 'step-details':
        if (!step) break;
        if (name === 'start-date') step.start = v;
        else if (name === 'end-date') step.end = v;
        else if (name === 'step-result') step.result = v;
        break;
      case 'step-type':
        if (step && /-subtype$/.test(name) && v) step.subtype = step.subtype ? `${step.subtype}, ${v}` : v;
        break;
      case 'step-description':
        if (step && name === 'partition') step.partition = v;
        break;
      case 'ma-connection':
        if (!step || !v) break;
        if (name === 'connection-result') (step.connection ??= { result: v }).result = v;
        else if (name === 'server') (step.connection ??= { result: '' }).server = v;
        break;
      case 'outbound-flow-counters':
        if (this.#outbound && /^\d+$/.test(v) && v !== '0')
          this.#outbound.counters.push({ name, value: Number(v) });
        break;
      default:
        if (step && parent !== undefined && COUNTER_PARENTS.has(parent) && /^\d+$/.test(v) && v !== '0')
          step.counters.push({ name, value: Number(v) });
    }
    if (name === 'outbound-flow-counters' && this.#outbound) {
      if (step && this.#outbound.counters.length) step.outbound.push(this.#outbound);
      this.#outbound = undefined;
    } else if (name === 'step-details') this.#closeStep();
    else if (name === 'run-details') this.#closeRun();
  }

  #closeIncident(): void {
    const inc = this.#incident!;
    this.#incident = undefined;
    const step = this.#step;
    if (!step) return;
    const result = inc.get('connection-result');
    if (result === 'success' && !inc.has('error-code')) return;
    const c = (step.connection ??= { result: result ?? '' });
    const code = inc.get('error-code');
    if (code) c.code = code;
    if (inc.get('error-literal')) c.literal = inc.get('error-literal');
    if (inc.get('server-error-detail')) c.detail = inc.get('server-error-detail');
    if (!c.server && inc.get('server')) c.server = inc.get('server');
    if (!c.result && result) c.result = result;
  }

  #where(): string | undefined {
    const run = this.#run;
    if (!run) return undefined;
    const parts = [run.ma ?? '?'];
    if (run.number !== undefined) parts.push(`#${run.number}`);
    if (this.#step) parts.push(`step ${this.#step.number}`);
    return parts.join(' ');
  }

  #closeStep(): void {
    const step = this.#step;
    if (!step) return;
    const c = step.connection;
    if (c && c.result && c.result !== 'success') {
      this.groups.add({
        kind: 'connection',
        errorType: c.result,
        code: c.code,
        literal: c.literal,
        detail: c.detail,
        server: c.server,
        where: this.#where(),
        occurred: step.end,
      });
      this.codes.add(c.result);
      if (c.code) this.codes.add(c.code);
    }
    if (step.result && step.result !== 'success' && step.result !== 'in-progress') {
      this.groups.add({ kind: 'run', errorType: step.result, where: this.#where(), occurred: step.end });
    }
    if (step.result) this.codes.add(step.result);
    this.#step = undefined;
  }

  #closeRun(): void {
    if (this.#run) finishRun(this.#run);
    this.#run = undefined;
  }

  finish(): void {
    // Input that ended inside a step or a run: keep what was read.
    super.finish();
    if (this.#step) this.#closeStep();
    for (const run of this.runs) finishRun(run);
  }
}

/** Step order, and the run's dates and result from its steps. */
export function finishRun(run: Run): void {
  run.steps.sort((a, b) => a.number - b.number);
  const first = run.steps[0];
  const last = run.steps[run.steps.length - 1];
  if (first?.start && !run.start) run.start = first.start;
  const ends = run.steps.map((s) => s.end).filter((e): e is string => !!e);
  if (ends.length && !run.end) run.end = ends.sort()[ends.length - 1];
  if (last?.result && !run.result) run.result = last.result;
}
