/** What the paste reader returns: the ranked candidates, each with the reason it was chosen. */
import type { DecodedHresult } from '../hresult';
import type { LookupEntry } from '../lookup';

export type Target =
  | { type: 'code'; entry: LookupEntry }
  | { type: 'step'; slug: string; title: string }
  | { type: 'versions'; line: 'sync-service' | 'connectors'; version: string };

/** Why a candidate was chosen. */
export type ReasonKind =
  /** The whole input is this code or one of its aliases. */
  | 'exact'
  /** The code inside the text, written with hyphens (or `_`, `=`, U+2011). */
  | 'code'
  /** A one-word code as XML element text or in quotes (`<step-result>success</step-result>`). */
  | 'element'
  /** The code written as words ("a Duplicate Anchor error"). */
  | 'words'
  /** An event ID as people write it ("Event ID: 6025", "events 6801 and 6803", "händelse-ID 6025"). */
  | 'event'
  /** An HRESULT in any written form. */
  | 'hresult'
  /** The product's own message text for the code (its `messages:` in content). */
  | 'message'
  /** A known message shape: a rules-extension stack trace, an exception type from an extension. */
  | 'shape'
  /** An exception class that this code lists (`exceptions:` in content), bare or in its namespace. */
  | 'exception'
  /** Words of its page (title, summary, causes): the weakest evidence. */
  | 'text'
  /** A near miss of a code written in the text. */
  | 'didYouMean'
  /** A build number: the version checker answers it. */
  | 'build';

export interface Reason {
  kind: ReasonKind;
  /** The part of the paste that gave it, as read (at most 120 characters). */
  text: string;
  /** For an event number that two sources log: how the source was chosen. */
  source?: 'named' | 'words' | 'unknown';
  /** For message and text matches: how much of it matched, 0..1. */
  quality?: number;
}

export interface Candidate {
  target: Target;
  reason: Reason;
  /** Higher is better; only the order is meaningful. */
  score: number;
  /** Where the evidence starts in the text (ties only). */
  at: number;
}

export interface FoundHresult extends DecodedHresult {
  /** True when the catalog has a page for it. */
  inCatalog: boolean;
}

export interface PasteReading {
  /** The text as read: Unicode-normalized, at most MAX_QUERY characters. */
  input: string;
  truncated: boolean;
  /** The key of the whole input ("" when there is nothing in it). */
  normalized: string;
  /** Ranked, best first, one per page. */
  candidates: Candidate[];
  /** Every failure HRESULT read, in order of appearance, decoded. */
  hresults: FoundHresult[];
  /** Event numbers that more than one source logs and that the paste did not settle. */
  ambiguous: { number: string; sources: string[] }[];
  /** The paste's distinctive words, for a full-text search when the catalog has no code for it. */
  terms: string[];
}
