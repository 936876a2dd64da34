/**
 * Streaming XML for exports of any size, on saxes (a SAX parser from npm: well kept, used by
 * jsdom, XML 1.0 conformant, no DTD processing, so no entity expansion). Around it:
 *
 * - every `<?xml …?>` declaration is dropped, wherever it sits: run history says utf-16 whatever
 *   its bytes are, and concatenated RunDetails() strings carry one declaration each;
 * - the input is parsed as a fragment, so several roots back to back (Out-File -Append, a
 *   `<runs>` wrapper round whole documents) read as one stream;
 * - hostile input stops with a reason instead of hanging: a DOCTYPE (entity expansion), nesting
 *   deeper than MAX_DEPTH, a tag longer than MAX_TAG, text longer than MAX_TEXT_RUN without markup;
 * - an error stops reading and says where; what was read before it is kept; input that ends
 *   inside an element says which.
 */
import { SaxesParser, type SaxesTag } from 'saxes';
import { MAX_TEXT, type Stop } from './model';

export const MAX_DEPTH = 256;
export const MAX_TAG = 1024 * 1024;
export const MAX_TEXT_RUN = 32 * 1024 * 1024;
export const MAX_ATTRIBUTES = 512;

/** What a format reader does with the elements; text is the element's own text, capped. */
export interface XmlSink {
  open(name: string, attrs: Record<string, string>, depth: number): void;
  close(name: string, text: string, depth: number): void;
  /** The input ended or stopped: flush what is open. */
  finish(): void;
}

class StopParsing extends Error {
  constructor(readonly stop: Stop) {
    super(stop.reason);
  }
}

const DECL = '<?xml';

export class XmlStream {
  #parser = new SaxesParser({ fragment: true, position: true });
  #names: string[] = [];
  #texts: string[] = [];
  #hold = '';
  #sinceLt = 0;
  #sinceGt = 0;
  #inTag = false;
  stop?: Stop;
  /** The encoding the first XML declaration named (utf-16 in run history). */
  declared?: string;
  #finished = false;

  constructor(private readonly sink: XmlSink) {
    const p = this.#parser;
    p.on('doctype', () => {
      throw new StopParsing({ kind: 'hostile', reason: 'doctype', line: p.line });
    });
    p.on('opentag', (tag: SaxesTag) => {
      const depth = this.#names.length + 1;
      if (depth > MAX_DEPTH)
        throw new StopParsing({ kind: 'hostile', reason: 'deep', line: p.line, detail: String(MAX_DEPTH) });
      const attrs = tag.attributes as Record<string, string>;
      // Attribute names come from the input: copy them into a prototype-free object.
      const safe: Record<string, string> = Object.create(null);
      let n = 0;
      for (const k in attrs) {
        if (++n > MAX_ATTRIBUTES)
          throw new StopParsing({
            kind: 'hostile',
            reason: 'attributes',
            line: p.line,
            detail: String(MAX_ATTRIBUTES),
          });
        safe[k] = attrs[k];
      }
      this.#names.push(tag.name);
      this.#texts.push('');
      this.sink.open(tag.name, safe, depth);
      if (tag.isSelfClosing) return;
    });
    p.on('closetag', (tag: SaxesTag) => {
      const depth = this.#names.length;
      this.#names.pop();
      const text = this.#texts.pop() ?? '';
      this.sink.close(tag.name, text, depth);
    });
    const onText = (t: string) => {
      const i = this.#texts.length - 1;
      if (i >= 0 && this.#texts[i].length < MAX_TEXT)
        this.#texts[i] += t.slice(0, MAX_TEXT - this.#texts[i].length);
    };
    p.on('text', onText);
    p.on('cdata', onText);
    p.on('error', (err: Error) => {
      if (/doctype|entity/i.test(err.message))
        throw new StopParsing({ kind: 'hostile', reason: 'doctype', line: p.line });
      throw new StopParsing({
        kind: 'malformed',
        reason: 'malformed',
        line: p.line,
        column: p.column,
        detail: err.message.replace(/^(?:[^:\n]*:)?\d+:\d+:\s*/, '').slice(0, 200),
      });
    });
  }

  /** Line the parser has reached (1-based). */
  get line(): number {
    return this.#parser.line;
  }

  write(chunk: string): void {
    if (this.stop || this.#finished) return;
    let s = this.#hold + chunk;
    this.#hold = '';
    // Keep back a tail that could be the start of a declaration split across chunks.
    const cut = s.lastIndexOf('<');
    if (cut >= 0 && s.length - cut < DECL.length && DECL.startsWith(s.slice(cut))) {
      this.#hold = s.slice(cut);
      s = s.slice(0, cut);
    }
    s = this.#dropDeclarations(s);
    if (this.stop) return;
    // A DTD is never part of an export and is how entity expansion attacks start.
    if (s.includes('<!DOCTYPE') || s.includes('<!ENTITY')) {
      this.#parser.write(s.slice(0, Math.max(0, s.search(/<!(?:DOCTYPE|ENTITY)/))));
      this.stop = { kind: 'hostile', reason: 'doctype', line: this.#parser.line };
      return;
    }
    this.#checkRuns(s);
    if (this.stop) return;
    try {
      this.#parser.write(s);
    } catch (e) {
      if (e instanceof StopParsing) this.stop = e.stop;
      else
        this.stop = {
          kind: 'malformed',
          reason: 'malformed',
          line: this.#parser.line,
          detail: String(e).slice(0, 200),
        };
    }
  }

  #dropDeclarations(s: string): string {
    let at = s.indexOf(DECL);
    if (at < 0) return s;
    let out = '';
    let from = 0;
    while (at >= 0) {
      const end = s.indexOf('?>', at);
      if (end < 0) {
        // The declaration continues in the next chunk.
        if (s.length - at > 4096) {
          this.stop = { kind: 'malformed', reason: 'malformed', line: this.#parser.line, detail: '<?xml' };
          return out + s.slice(from, at);
        }
        this.#hold = s.slice(at) + this.#hold;
        return out + s.slice(from, at);
      }
      if (this.declared === undefined) {
        const m = /encoding\s*=\s*["']([^"']{1,40})["']/.exec(s.slice(at, end));
        this.declared = m ? m[1].toLowerCase() : '';
      }
      out += s.slice(from, at);
      from = end + 2;
      at = s.indexOf(DECL, from);
    }
    return out + s.slice(from);
  }

  /** Linear check for text or a tag that goes on for megabytes (a hostile or broken file). */
  #checkRuns(s: string): void {
    const firstLt = s.indexOf('<');
    const lastLt = s.lastIndexOf('<');
    const firstGt = s.indexOf('>');
    const lastGt = s.lastIndexOf('>');
    const line = this.#parser.line;
    if ((firstLt < 0 ? s.length : firstLt) + this.#sinceLt > MAX_TEXT_RUN) {
      this.stop = { kind: 'hostile', reason: 'huge-text', line, detail: String(MAX_TEXT_RUN >> 20) };
      return;
    }
    if (this.#inTag && (firstGt < 0 ? s.length : firstGt) + this.#sinceGt > MAX_TAG) {
      this.stop = { kind: 'hostile', reason: 'huge-tag', line, detail: String(MAX_TAG >> 20) };
      return;
    }
    this.#sinceLt = lastLt < 0 ? this.#sinceLt + s.length : s.length - lastLt - 1;
    if (lastLt < 0 && lastGt < 0) {
      if (this.#inTag) this.#sinceGt += s.length;
    } else if (lastLt > lastGt) {
      this.#inTag = true;
      this.#sinceGt = s.length - lastLt - 1;
    } else {
      this.#inTag = false;
      this.#sinceGt = 0;
    }
  }

  /** Ends the input: says where it stopped if it ended inside an element, then flushes the sink. */
  end(): void {
    if (this.#finished) return;
    this.#finished = true;
    if (!this.stop && this.#hold) this.write('');
    if (!this.stop && this.#names.length)
      this.stop = {
        kind: 'truncated',
        reason: 'truncated',
        line: this.#parser.line,
        detail: this.#names[this.#names.length - 1],
      };
    this.sink.finish();
  }
}
