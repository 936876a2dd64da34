/**
 * csexport XML (`csexport.exe "MA" file.xml /f:x`, `/f:e`, `/f:i`, `/f:m`, or no filter): pending
 * changes counted by operation and object type, attributes in pending exports, and import and
 * export errors grouped. Nothing is kept per object, so memory stays flat for a file of any size.
 * Element tree: shared/reference/export-formats.md §3.2.
 */
import { byCodePoint, type CsExportSummary } from './model';
import { ErrorScopeSink, Scope, type Attrs } from './scope';

const PENDING = new Set(['unapplied-export', 'pending-import', 'escrowed-export', 'unconfirmed-export']);
const MAX_ATTRIBUTE_NAMES = 500;

export class CsExportSink extends ErrorScopeSink {
  #dn?: string;
  #type = '';
  #hasError = false;
  #pendingSection?: string;
  #pending = new Map<string, number>();
  #attrs = new Map<string, number>();
  objects = 0;
  withErrors = 0;

  protected element(name: string, attrs: Attrs, depth: number, parent?: string): Scope | undefined {
    if (name === 'cs-object') {
      this.objects++;
      this.#dn = attrs['cs-dn'];
      this.#type = attrs['object-type'] ?? '';
      this.#hasError = false;
    } else if (name === 'delta' && parent && PENDING.has(parent)) {
      const key = `${parent}\u0000${attrs.operation ?? 'none'}\u0000${this.#type}`;
      this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
      this.#pendingSection = parent;
    } else if ((name === 'attr' || name === 'dn-attr') && this.#pendingSection === 'unapplied-export') {
      const n = attrs.name;
      if (n && (this.#attrs.has(n) || this.#attrs.size < MAX_ATTRIBUTE_NAMES))
        this.#attrs.set(n, (this.#attrs.get(n) ?? 0) + 1);
    } else if (name === 'export-errordetail' || name === 'import-errordetail') {
      return new Scope(name === 'export-errordetail' ? 'cs-export' : 'cs-import', depth, attrs);
    }
    return undefined;
  }

  protected closed(name: string): void {
    if (name === 'delta') this.#pendingSection = undefined;
    else if (name === 'cs-object') {
      if (this.#hasError) this.withErrors++;
      this.#dn = undefined;
    }
  }

  protected located(): { dn?: string; where?: string } {
    this.#hasError = true;
    return { dn: this.#dn, where: this.#type || undefined };
  }

  finish(): void {
    super.finish();
    if (this.#hasError && this.#dn !== undefined) {
      this.withErrors++;
      this.#hasError = false;
    }
  }

  summary(): CsExportSummary {
    const pending = [...this.#pending].map(([key, count]) => {
      const [section, operation, objectType] = key.split('\u0000');
      return { section, operation, objectType, count };
    });
    pending.sort((a, b) => byCodePoint(a.section, b.section) || b.count - a.count);
    const attributes = [...this.#attrs]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.name, b.name))
      .slice(0, 30);
    return { objects: this.objects, pending, attributes, withErrors: this.withErrors };
  }
}
