/**
 * UI strings in the browser. A component writes the strings its script needs into data-strings
 * with pick() from src/i18n (so Swedish pages get Swedish text); the script reads them here.
 * A key the component did not pass is a bug: it shows as the key itself, never as English.
 */
import type { UiKey } from '../i18n/en';
import { fill } from '../lib/template';

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

export function readStrings(el: HTMLElement | null | undefined): Translate {
  let table = new Map<string, string>();
  try {
    table = new Map(Object.entries(JSON.parse(el?.dataset.strings ?? '{}') as Record<string, string>));
  } catch {
    // A broken attribute leaves the keys showing, which a test notices.
  }
  return (key, vars = {}) => fill(table.get(key) ?? key, vars);
}
