/**
 * The one UI-string system: en.ts (reference keys), sv.ts (the same keys in Swedish) and this
 * typed accessor. Pages and components call t(); browser scripts get a subset from pick(), passed
 * as JSON in a data attribute.
 */
import { fill } from '../lib/template';
import type { Lang } from '../lib/urls';
import { en, type UiKey } from './en';
import { sv } from './sv';

export {
  LANGS,
  DEFAULT_LANG,
  isLang,
  langParam,
  localizedPath,
  splitLocalizedPath,
  type Lang,
} from '../lib/urls';
export type { UiKey } from './en';

export const UI: Record<Lang, Record<UiKey, string>> = { en, sv };

/** A UI string in the given language, with {name} placeholders filled. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(UI[lang][key], vars);
}

/**
 * The strings a browser script needs, as JSON for its data-strings attribute (read back with
 * src/scripts/strings.ts): the keys that start with `prefix`, or exactly the keys listed.
 */
export function pick(lang: Lang, prefix: string | readonly UiKey[]): string {
  const wanted = (k: string) =>
    typeof prefix === 'string' ? k.startsWith(prefix) : (prefix as readonly string[]).includes(k);
  return JSON.stringify(Object.fromEntries(Object.entries(UI[lang]).filter(([k]) => wanted(k))));
}
