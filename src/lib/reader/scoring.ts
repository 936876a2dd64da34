/** What each kind of evidence is worth, and how specific each kind of code is. */
import type { CodeKind } from '../codes';
import type { LookupEntry } from '../lookup';
import type { Target } from './types';

export const SPECIFIC: Record<CodeKind, number> = {
  'object-error': 40,
  'run-error': 40,
  'event-id': 30,
  hresult: 20,
  'run-status': 10,
};
/** How much each kind of evidence is worth before the code's own specificity. */
export const BASE = {
  exact: 1000,
  code: 300,
  element: 280,
  event: 300,
  hresult: 300,
  /**
   * An exception class a code lists: above a run status or message for the same failure
   * (305 + 10 for a run status beats 300 + 10), below an HRESULT (300 + 20) or an object-level
   * error (300 + 40) in the same paste.
   */
  exception: 305,
  shape: 200,
  build: 150,
  calledBuild: 240,
  family: 260,
  sureNearMiss: 220,
} as const;

export const specificity = (e: LookupEntry) => SPECIFIC[e.k] - (e.w ? 60 : 0) - (e.u ? 5 : 0);

export function targetId(t: Target): string {
  return t.type === 'code'
    ? `c:${t.entry.s}`
    : t.type === 'step'
      ? `s:${t.slug}`
      : `v:${t.line}:${t.version}`;
}

export const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

export interface Token {
  w: string;
  start: number;
  end: number;
}
