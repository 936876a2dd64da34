/**
 * The header box's answer to a code typed on its own, from the exact-match shard alone: the same
 * reading readPaste() gives for a whole input that is a code or an alias, without loading the
 * reader (src/lib/paste.ts) or the whole map. No DOM; tests/unit/lookup-exact.test.ts holds it
 * to readPaste() for every key of the real catalog.
 */
import type { ExactResult } from '../lib/lookup';
import type { PasteReading } from '../lib/paste';

/**
 * Candidates 'exact' in the shard's order (verified first), the HRESULT decoded when it is a
 * failure code, and an event number that several sources log listed as ambiguous. The lookup
 * page reads every query with readPaste() instead.
 */
export function exactReading(r: ExactResult): PasteReading {
  const text = r.input.trim();
  const failure = r.hresult && r.hresult.severity ? [{ ...r.hresult, inCatalog: true }] : [];
  const events = r.exact.length > 1 && r.exact.every((e) => e.k === 'event-id');
  return {
    input: r.input,
    truncated: r.truncated,
    normalized: r.normalized,
    candidates: r.exact.map((entry, i) => ({
      target: { type: 'code', entry },
      reason: { kind: 'exact', text: text.length > 120 ? `${text.slice(0, 119)}…` : text },
      score: -i,
      at: 0,
    })),
    hresults: failure,
    ambiguous: events ? [{ number: r.normalized, sources: r.exact.map((e) => e.e ?? '') }] : [],
    terms: [],
  };
}
