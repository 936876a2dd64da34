/**
 * Reduces a .NET stack trace (extension-error-info/call-stack, an error-literal, an event
 * description) to what a ticket needs: the innermost exception with its message, and the first
 * frame in the customer's own code. Line-based and linear: every pattern is anchored per line.
 */
import type { StackSummary } from './model';

/** Namespaces that belong to .NET or Microsoft, not to the customer's extension or connector. */
const FRAMEWORK = /^(?:System|Microsoft|MS|Mono|Windows|Interop)\./;
/** "Some.Namespace.FooException: message" (the type ends in Exception, or is System.*Error). */
const EXCEPTION = /(?:^|\s|>|\(|")((?:[A-Za-z_][\w`]*\.)+[A-Za-z_]\w*(?:Exception|Error))(?::\s?(.*))?$/;
const FRAME = /^\s*at\s+(.+?)\s*$/;

/**
 * Undoes console wrapping: a line that is neither a frame, nor an inner-exception marker, nor a
 * new exception is the tail of the line before it ("One␤ or more", "Str␤ing[]").
 */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[\uFFFD\u00A0]/g, ' ');
    const t = line.trimStart();
    if (!t) continue;
    const starts = /^(?:at\s|---|InnerException|"?[A-Za-z_][\w.`]*(?:Exception|Error)\b)/.test(t);
    if (out.length && !starts) out[out.length - 1] += t;
    else out.push(line);
  }
  return out;
}

export function reduceStack(text: string | undefined): StackSummary | undefined {
  if (!text || !text.trim()) return undefined;
  const lines = logicalLines(text.slice(0, 256 * 1024));
  const exceptions: { type: string; message?: string }[] = [];
  const frames: string[] = [];
  for (const line of lines) {
    const f = FRAME.exec(line);
    if (f) {
      frames.push(f[1]);
      continue;
    }
    // "Outer: msg ---> Inner: msg ---> Innermost: msg" on one line.
    for (const part of line.split(' ---> ')) {
      const m = EXCEPTION.exec(part.trim().slice(0, 2000));
      if (m) exceptions.push({ type: m[1], message: m[2]?.trim() || undefined });
    }
  }
  if (!exceptions.length && !frames.length) return undefined;
  const inner = exceptions[exceptions.length - 1];
  const own = frames.find((f) => !FRAMEWORK.test(f));
  const s: StackSummary = {};
  if (inner) {
    s.exception = inner.type;
    if (inner.message) s.message = inner.message.slice(0, 300);
    s.chain = exceptions.length;
  }
  if (own) {
    s.frame = own.slice(0, 400);
    s.own = true;
  } else if (frames.length) {
    s.frame = frames[0].slice(0, 400);
    s.own = false;
  }
  return s;
}
