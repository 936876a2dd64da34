/**
 * One error object in any XML format (run-history import-error/export-error/ma-object-error/
 * retry-error, csexport import-errordetail/export-errordetail, preview error): its attributes
 * and the text of every element inside it, by element name, first one kept. The same fact sits
 * in a child element in run history and in an attribute in csexport; reading both covers both.
 */
import type { GroupCollector, GroupKind } from './model';
import { reduceStack } from './stack';

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
