/**
 * Sync Preview XML (Synchronization Service Manager, Preview of one object): provisioning and
 * extension errors with their call stacks. Here the error type is an attribute, error/@type.
 * The DN of an error is the last DN the preview named before it (add-connector/dn, delta/@dn).
 */
import { ErrorScopeSink, Scope, type Attrs } from './scope';

export class PreviewSink extends ErrorScopeSink {
  #dn?: string;
  #ma?: string;
  /** Provisioning actions and their status: add-connector success … */
  readonly actions = new Map<string, number>();

  protected element(name: string, attrs: Attrs, depth: number): Scope | undefined {
    if (name === 'error' && attrs.type) return new Scope('preview', depth, attrs);
    if (attrs.dn) this.#dn = attrs.dn;
    if (attrs.status) {
      const k = `${name} ${attrs.status}`;
      this.actions.set(k, (this.actions.get(k) ?? 0) + 1);
    }
    return undefined;
  }

  protected closed(name: string, text: string): void {
    const v = text.trim();
    if (name === 'dn' && v) this.#dn = v;
    else if (name === 'ma-name' && v) this.#ma = v;
  }

  protected located(): { dn?: string; where?: string } {
    return { dn: this.#dn, where: this.#ma };
  }
}
