/** Building blocks shared by every content schema. Imports only astro/zod, so tests and scripts can use them. */
import { z } from 'astro/zod';
import { isKebabId } from '../lib/codes';

/** A kebab-case id, as used in file names and URLs. */
export const kebabId = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'must be text, but YAML read it as a number: put it in quotes, for example "0x8023063d"'
        : 'must be a kebab-case id in text',
  })
  .refine(isKebabId, {
    message:
      'must be kebab-case: lower-case letters, digits and single hyphens (for example "pcns-event-6025")',
  });

/** A text an admin reads, in English and Swedish. Both are required: a missing translation fails the build. */
export const localized = z
  .object({
    /** English text. */
    en: z
      .string({ error: 'the English text (en) is missing: add an "en:" line' })
      .trim()
      .min(1, { message: 'the English text (en) is empty: write it, or remove the item' }),
    /** Swedish text (natural Swedish for IT administrators, not word by word). */
    sv: z
      .string({ error: 'the Swedish text (sv) is missing: add an "sv:" line beside "en:"' })
      .trim()
      .min(1, { message: 'the Swedish text (sv) is empty: write it beside "en:"' }),
  })
  .strict();

/** A source that a fact was taken from. Cite it; never copy its sentences. */
export const source = z
  .object({
    /** Human-readable title of the source, for example "Management agent run error codes (Microsoft Learn)". */
    title: z.string().min(1),
    /** Address of the source. Optional for sources that have no public address (a KB without a URL). */
    url: z
      .url({ protocol: /^https?$/, error: 'must be a full URL starting with https:// or http://' })
      .optional(),
  })
  .strict();

/**
 * A date field. YAML reads an unquoted 2026-11-26 as a Date; keep the plain text form either way,
 * then check it against the field's own pattern.
 */
export const yamlDate = (pattern: RegExp, message: string) =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.string().regex(pattern, { message }),
  );

/** YYYY-MM-DD, the date a page was last checked against its sources. */
export const isoDate = yamlDate(
  /^\d{4}-\d{2}-\d{2}$/,
  'must be a date written YYYY-MM-DD, for example 2026-11-26',
);

/**
 * A heading's id as it stands after "#" in the page's address. Ids come from the heading text, so
 * a Swedish one keeps its å, ä and ö ("anroparen-får-inte-köra-maar"): lower-case letters of any
 * script, digits and single hyphens.
 */
export const headingId = z.string().regex(/^[\p{Ll}\p{Lo}\d]+(?:-[\p{Ll}\p{Lo}\d]+)*$/u, {
  message:
    'must be a heading id as it stands after # in the address: lower-case letters (å, ä and ö too), digits and single hyphens (for example "anroparen-får-inte-köra-maar")',
});

export const anchorAliases = z.record(headingId, headingId).default({});

export type Localized = z.infer<typeof localized>;
export type Source = z.infer<typeof source>;
