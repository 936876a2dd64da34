/**
 * The lookup's data for one language, from the catalog: the exact-match map and the packed message
 * index. Pure, so the build (src/data/lookup.ts) and the real-input evaluations
 * (tests/unit/lookup-catalog.ts) make it the same way: what the evaluations score is what ships.
 */
import type { CodeData } from '../schemas/code';
import type { Localized } from '../schemas/shared';
import { plainText } from './inline';
import { buildLookupIndex, type LookupIndex } from './lookup';
import {
  codeWords,
  packMessages,
  situationHeadings,
  stepHeadings,
  stepWords,
  type PackedMessages,
} from './paste';

export interface LookupData {
  index: LookupIndex;
  messages: PackedMessages;
}

export interface LookupStep {
  slug: string;
  title: Localized;
  summary: Localized;
  /** The step's MDX body in each language (without its frontmatter). */
  body?: { en: string; sv: string };
}

export function buildLookupData(
  codes: readonly { slug: string; data: CodeData }[],
  steps: readonly LookupStep[],
  lang: 'en' | 'sv',
): LookupData {
  const index = buildLookupIndex(
    codes.map((c) => ({
      slug: c.slug,
      code: c.data.code,
      kind: c.data.kind,
      title: plainText(c.data.title[lang]),
      eventSource: c.data.eventSource,
      aliases: c.data.aliases,
      uncertain: c.data.uncertain,
      wrapper: c.data.wrapper,
      onlyIn: c.data.onlyIn,
      faultingApplication: c.data.faultingApplication,
      exceptions: c.data.exceptions,
    })),
  );
  // A step's headings are page words too, but not the template's, which most steps share.
  const headings = (l: 'en' | 'sv') => situationHeadings(steps.map((s) => stepHeadings(s.body?.[l] ?? '')));
  const en = headings('en');
  const sv = headings('sv');
  const messages = packMessages(
    codes.map((c) => ({
      slug: c.slug,
      messages: c.data.messages,
      words: codeWords(c),
      titles: [c.data.title.en, c.data.title.sv].map(plainText),
    })),
    steps.map((s, i) => ({
      slug: s.slug,
      title: plainText(s.title[lang]),
      words: stepWords({ ...s, headings: { en: en[i]!, sv: sv[i]! } }),
      titles: [s.title.en, s.title.sv].map(plainText),
    })),
  );
  return { index, messages };
}
