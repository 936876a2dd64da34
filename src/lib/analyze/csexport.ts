/**
 * csexport XML (`csexport.exe "MA" file.xml /f:x`, `/f:e`, `/f:i`, `/f:m`, or no filter): pending
 * changes counted by operation and object type, attributes in pending exports, and import and
 * export errors grouped. Nothing is kept per object, so memory stays flat for a file of any size.
 * Element tree: shared/reference/export-formats.md §3.2.
 */
import type { XmlSink } from './xml';
import type { CsExportSummary, GroupCollector } from './model';
import { Scope } from './scope';
import { byCodePoint } from './model';

const PENDING = new Set(['unapplied-export', 'pending-import', 'escrowed-export', 'unconfirmed-export']);
const MAX_ATTRIBUTE_NAMES = 500;

export class CsExportSink implements XmlSink {
  #names: string[] = [];
  #dn?: string;
  #type = '';
  #hasError = false;
  #pendingSection?: string;
  #scope?: Scope;
  #pending = new Map<string, number>();
  #attrs = new Map<string, number>();
  objects = 0;
  withErrors = 0;

  constructor(
    private readonly groups: GroupCollector,
    private readonly codes: Set<string>,
  ) {}

  open(name: string, attrs: Record<string, string>, depth: number): void {
    const parent = this.#names[this.#names.length - 1];
    this.#names.push(name);
    if (this.#scope) {
      this.#scope.mergeAttrs(attrs);
      return;
    }
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
      this.#scope = new Scope(name === 'export-errordetail' ? 'cs-export' : 'cs-import', depth, attrs);
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
    if (name === 'delta') this.#pendingSection = undefined;
    else if (name === 'cs-object') {
      if (this.#hasError) this.withErrors++;
      this.#dn = undefined;
    }
  }

  #commit(): void {
    const scope = this.#scope!;
    this.#scope = undefined;
    this.#hasError = true;
    const where = this.#type || undefined;
    for (const c of scope.commit(this.groups, this.#dn, where)) this.codes.add(c);
  }

  finish(): void {
    if (this.#scope) this.#commit();
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
