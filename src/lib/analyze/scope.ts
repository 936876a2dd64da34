/**
 * One error object in any XML format (run-history import-error/export-error/ma-object-error/
 * retry-error, csexport import-errordetail/export-errordetail, preview error): its attributes
 * and the text of every element inside it, by element name, first one kept. The same fact sits
 * in a child element in run history and in an attribute in csexport; reading both covers both.
 */
import type { GroupCollector, GroupKind } from './model';
import { reduceStack } from './stack';
import type { XmlSink } from './xml';

export class Scope {
  readonly attrs: Record<string, string> = Object.create(null);
  readonly leaves = new Map<string, string>();

  constructor(
    readonly kind: GroupKind,
    readonly depth: number,
    attrs: Record<string, string>,
  ) {
    this.mergeAttrs(attrs);
  }

  /** A nested element's attributes fill the ones still missing (csexport's older export-error form). */
  mergeAttrs(attrs: Record<string, string>): void {
    for (const k in attrs) if (!(k in this.attrs)) this.attrs[k] = attrs[k];
  }

  leaf(name: string, text: string): void {
    if (!this.leaves.has(name) && text.trim()) this.leaves.set(name, text.trim());
  }

  get(name: string): string | undefined {
    return this.leaves.get(name) ?? this.attrs[name];
  }

  /** Adds the error to its group; returns the error type and code for the "codes seen" list. */
  commit(groups: GroupCollector, dn: string | undefined, where: string | undefined): string[] {
    const errorType = this.get('error-type') ?? this.attrs.type ?? 'unknown-error';
    const code = this.get('error-code');
    const literal = this.get('error-literal');
    const callStack = this.get('call-stack');
    // Only the group's first stack is kept: reducing the others (a stack per object in a big
    // export) would be wasted work.
    const stack = groups.needsStack({ kind: this.kind, errorType, code })
      ? reduceStack(callStack ?? literal)
      : undefined;
    const extension = this.get('extension-name');
    const callsite = this.get('extension-callsite');
    const withExt = stack || extension ? { ...(stack ?? {}) } : undefined;
    if (withExt && extension) withExt.extension = extension;
    if (withExt && callsite) withExt.callsite = callsite;
    const retry = this.get('retry-count');
    groups.add({
      kind: this.kind,
      errorType,
      code,
      errorName: this.get('error-name'),
      literal,
      detail: this.get('server-error-detail') ?? this.get('extra-error-details'),
      algorithmStep: this.get('algorithm-step'),
      dn: dn ?? this.attrs.dn ?? this.leaves.get('dn') ?? this.attrs.displayName,
      retry: retry !== undefined && /^\d+$/.test(retry) ? Number(retry) : undefined,
      firstOccurred: this.get('first-occurred'),
      occurred: this.get('date-occurred'),
      stack: withExt,
      where,
    });
    return code ? [errorType, code] : [errorType];
  }
}

/**
 * What the XML format readers (run history, csexport, preview) share: the names of the open
 * elements, and the error object being read. Inside an error, every attribute and element goes
 * to its Scope; when it closes (or the input ends inside it) the error is added to its group.
 * A reader says which elements start an error (element()), what to do with the others
 * (closed()), and where an error was (located()).
 */
/** An element's attributes, as the XML stream hands them over (a prototype-free object). */
export type Attrs = Record<string, string>;

export abstract class ErrorScopeSink implements XmlSink {
  readonly #names: string[] = [];
  #scope?: Scope;

  constructor(
    protected readonly groups: GroupCollector,
    protected readonly codes: Set<string>,
  ) {}

  /** An element outside any error opened; returns a Scope when it starts one. */
  protected abstract element(name: string, attrs: Attrs, depth: number, parent?: string): Scope | undefined;

  /** An element outside any error closed, with its own text. */
  protected abstract closed(name: string, text: string, parent?: string): void;

  /** An error ended: count it where the format counts errors, and say where it was. */
  protected abstract located(scope: Scope): { dn?: string; where?: string };

  open(name: string, attrs: Record<string, string>, depth: number): void {
    const parent = this.#names[this.#names.length - 1];
    this.#names.push(name);
    if (this.#scope) this.#scope.mergeAttrs(attrs);
    else this.#scope = this.element(name, attrs, depth, parent);
  }

  close(name: string, text: string, depth: number): void {
    this.#names.pop();
    const scope = this.#scope;
    if (!scope) this.closed(name, text, this.#names[this.#names.length - 1]);
    else if (depth > scope.depth) scope.leaf(name, text);
    else this.#commit();
  }

  /** The input ended or stopped: an error still open is kept with what was read of it. */
  finish(): void {
    this.#commit();
  }

  #commit(): void {
    const scope = this.#scope;
    if (!scope) return;
    this.#scope = undefined;
    const { dn, where } = this.located(scope);
    for (const c of scope.commit(this.groups, dn, where)) this.codes.add(c);
  }
}
