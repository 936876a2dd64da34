/**
 * Sync Preview XML (Synchronization Service Manager, Preview of one object): provisioning and
 * extension errors with their call stacks. Here the error type is an attribute, error/@type.
 * The DN of an error is the last DN the preview named before it (add-connector/dn, delta/@dn).
 */
import type { XmlSink } from './xml';
import type { GroupCollector } from './model';
import { Scope } from './scope';

export class PreviewSink implements XmlSink {
  #names: string[] = [];
  #scope?: Scope;
  #dn?: string;
  #ma?: string;
  /** Provisioning actions and their status: add-connector success … */
  readonly actions = new Map<string, number>();

  constructor(
    private readonly groups: GroupCollector,
    private readonly codes: Set<string>,
  ) {}

  open(name: string, attrs: Record<string, string>, depth: number): void {
    this.#names.push(name);
    if (this.#scope) {
      this.#scope.mergeAttrs(attrs);
      return;
    }
    if (name === 'error' && attrs.type) this.#scope = new Scope('preview', depth, attrs);
    else {
      if (attrs.dn) this.#dn = attrs.dn;
      if (attrs.status) {
        const k = `${name} ${attrs.status}`;
        this.actions.set(k, (this.actions.get(k) ?? 0) + 1);
      }
    }
  }

  close(name: string, text: string, depth: number): void {
    this.#names.pop();
    const scope = this.#scope;
    if (scope) {
      if (depth > scope.depth) scope.leaf(name, text);
      else this.#commit();
      return;
    }
    const v = text.trim();
    if (name === 'dn' && v) this.#dn = v;
    else if (name === 'ma-name' && v) this.#ma = v;
  }

  #commit(): void {
    const scope = this.#scope!;
    this.#scope = undefined;
    for (const c of scope.commit(this.groups, this.#dn, this.#ma)) this.codes.add(c);
  }

  finish(): void {
    if (this.#scope) this.#commit();
  }
}
