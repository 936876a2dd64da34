/**
 * The analyzer's Web Worker (a module worker served from the site's own origin, so the CSP's
 * worker-src 'self' allows it). A file is read in slices with File.slice, never whole; its
 * encoding is sniffed from the first bytes and decoded as a stream; a paste is cut in pieces.
 * Progress goes to the page after every slice; the page cancels by terminating the worker.
 */
import { Analyzer, sniffEncoding } from '../../lib/analyze/index';

export type WorkerRequest = { type: 'file'; file: Blob } | { type: 'text'; text: string };
export type WorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: import('../../lib/analyze/model').Report; bytes: number }
  | { type: 'binary'; kind: 'evtx' | 'zip' | 'binary' }
  | { type: 'error'; message: string }
  | { type: 'ready' };

const SLICE = 4 * 1024 * 1024;
const TEXT_SLICE = 1024 * 1024;
const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

async function readFile(file: Blob): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  const sniffed = sniffEncoding(head);
  if (sniffed.binary) return post({ type: 'binary', kind: sniffed.binary });
  const label = `${sniffed.encoding.toUpperCase()}${sniffed.bom ? ' (BOM)' : ''}`;
  const analyzer = new Analyzer({ encoding: label });
  // The decoder drops the BOM itself; fatal: false turns broken bytes into U+FFFD, which the
  // report counts.
  const decoder = new TextDecoder(sniffed.encoding);
  let pos = 0;
  while (pos < file.size && !analyzer.stopped) {
    const buf = await file.slice(pos, pos + SLICE).arrayBuffer();
    pos += buf.byteLength;
    analyzer.push(decoder.decode(buf, { stream: true }));
    post({ type: 'progress', done: pos, total: file.size });
  }
  analyzer.push(decoder.decode());
  post({ type: 'done', report: analyzer.end(), bytes: pos });
}

function readText(text: string): void {
  const analyzer = new Analyzer();
  for (let i = 0; i < text.length && !analyzer.stopped; i += TEXT_SLICE) {
    analyzer.push(text.slice(i, i + TEXT_SLICE));
    post({ type: 'progress', done: Math.min(i + TEXT_SLICE, text.length), total: text.length });
  }
  post({ type: 'done', report: analyzer.end(), bytes: text.length });
}

self.addEventListener('message', (ev: MessageEvent<WorkerRequest>) => {
  const m = ev.data;
  const run = m.type === 'file' ? readFile(m.file) : Promise.resolve(readText(m.text));
  run.catch((e: unknown) =>
    post({ type: 'error', message: String((e as Error)?.message ?? e).slice(0, 300) }),
  );
});

post({ type: 'ready' });
