/**
 * The content model. This file is the reference for authors: every field has a one-line
 * comment, and every constraint lives here so page code never checks for `undefined`.
 *
 * - `steps`:          content/steps/en/<step-id>.mdx, one troubleshooting step per file (English, canonical).
 * - `stepsSv`:        content/steps/sv/<step-id>.mdx, the Swedish text of the same step.
 * - `codes`:          content/codes/<kind>/<slug>.yaml, one record per code, both languages inline.
 * - `releases`:       content/releases/<line>/<version>.yaml, one record per build.
 *
 * Cross-file rules (references resolve, no duplicate codes, every step translated, no empty
 * collection, YAML that parses) are checked in src/data/integrity.ts, which fails the build
 * with a message naming the file, the field and the fix.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  CODE_KINDS,
  COMPONENTS,
  APPLIES_TO,
  RELEASE_LINES,
  normalizeCode,
  isKebabId,
} from './lib/codes';

/** A kebab-case id, as used in file names and URLs. */
const kebabId = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? 'must be text, but YAML read it as a number: put it in quotes, for example "0x8023063d"'
        : 'must be a kebab-case id in text',
  })
  .refine(isKebabId, {
    message: 'must be kebab-case: lower-case letters, digits and single hyphens (for example "pcns-event-6025")',
  });

/** A text an admin reads, in English and Swedish. Both are required: a missing translation fails the build. */
const localized = z
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
const source = z
  .object({
    /** Human-readable title of the source, for example "Management agent run error codes (Microsoft Learn)". */
    title: z.string().min(1),
    /** Address of the source. Optional for sources that have no public address (a KB without a URL). */
    url: z.url({ protocol: /^https?$/, error: 'must be a full URL starting with https:// or http://' }).optional(),
  })
  .strict();

/**
 * A date field. YAML reads an unquoted 2026-11-26 as a Date; keep the plain text form either way,
 * then check it against the field's own pattern.
 */
const yamlDate = (pattern: RegExp, message: string) =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.string().regex(pattern, { message }),
  );

/** YYYY-MM-DD, the date a page was last checked against its sources. */
const isoDate = yamlDate(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, for example 2026-11-26');

const anchorAliases = z.record(kebabId, kebabId).default({});

const stepFrontmatter = z
  .object({
    /** Page title, shown as the <h1>. Example: "PCNS event 6025: the target could not be authenticated". */
    title: z.string().min(1),
    /** One or two sentences for the step list, search results and the meta description. */
    summary: z.string().min(10),
    /** Position in the guide. The seed article's seven steps are 1–7; later steps follow. */
    order: z.number().int().positive(),
    /** Components this step concerns; used for filters and the diagram. */
    components: z.array(z.enum(COMPONENTS)).min(1),
    /** Slugs of the codes this step resolves (file names under content/codes/, without .yaml). */
    codes: z.array(kebabId).default([]),
    /** Products and builds this step applies to. */
    appliesTo: z.array(z.enum(APPLIES_TO)).min(1),
    /** When the page was last checked against its sources. */
    lastReviewed: isoDate,
    /** Where the facts on this page come from. */
    sources: z.array(source).min(1, { message: 'list at least one source: every page cites where its facts come from' }),
    /** Heading ids that were renamed: old id -> current id, so links in old tickets keep working. Example: { fix: the-fix }. */
    anchorAliases: anchorAliases,
  })
  .strict();

const steps = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/steps/en' }),
  schema: stepFrontmatter,
});

const stepsSv = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/steps/sv' }),
  /** A translation carries only what changes with the language; order, codes and sources come from English. */
  schema: z
    .object({
      /** Swedish page title. */
      title: z.string().min(1),
      /** Swedish summary. */
      summary: z.string().min(10),
      /** When the Swedish text was last checked against the English one. */
      lastReviewed: isoDate,
      /** Renamed Swedish heading ids: old id -> current id. */
      anchorAliases: anchorAliases,
    })
    .strict(),
});

const codes = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: './content/codes' }),
  schema: z
    .object({
      /** The exact string the product prints, with ASCII hyphens. Example: "stopped-extension-dll-exception", "6025", "0x8023063d". */
      code: z
        .string()
        .min(1)
        .refine((c) => c === normalizeCode(c), {
          message: 'must be written in its canonical form: lower case, ASCII hyphens, HRESULTs as 0x followed by 8 hex digits',
        }),
      /** What kind of code it is. */
      kind: z.enum(CODE_KINDS),
      /** Group within the kind, for the catalog. Example: "connection", "export", "stopped", "pcns". */
      category: kebabId,
      /** The part of the system that reports it. */
      component: z.enum(COMPONENTS),
      /** Short human title. Example: "Extension DLL threw an exception". */
      title: localized,
      /** What the code means, in two or three sentences. */
      summary: localized,
      /** Likely causes, most common first. */
      causes: z.array(localized).default([]),
      /** Checks to run, in order. */
      checks: z.array(localized).default([]),
      /** Where an admin sees it: Operations tab, run history, Event Viewer, Connector Space Object Properties. */
      appearsIn: z.array(localized).min(1, { message: 'say where an admin sees this code (appearsIn)' }),
      /** Slugs of the steps (content/steps/en/<slug>.mdx) with a fix. At least one. */
      steps: z.array(kebabId).min(1, { message: 'link at least one step with an actionable fix (steps: [step-id])' }),
      /** Other strings that mean this code: older spellings, truncated forms. Each must be unique across the catalog. */
      aliases: z.array(z.string().min(1)).default([]),
      /** For Windows event IDs: the event log source, for example "PCNSSVC" or "FIMSynchronizationService". */
      eventSource: z.string().min(1).optional(),
      /** Where the facts come from. */
      sources: z.array(source).min(1, { message: 'list at least one source: never publish a code without one' }),
      /** True when the exact string or meaning could not be confirmed. Pages show a visible "unverified" note. */
      uncertain: z.boolean().default(false),
      /** Why it is unverified, or another caveat for the reader. */
      note: localized.optional(),
      /** When this record was last checked against its sources. */
      lastReviewed: isoDate,
      /** Products it applies to; when omitted, the union of its steps' appliesTo. */
      appliesTo: z.array(z.enum(APPLIES_TO)).min(1).optional(),
      /** A newer code that replaces this one; the page stays and points there. */
      deprecatedBy: kebabId.optional(),
    })
    .strict()
    .refine((c) => c.kind !== 'event-id' || c.eventSource, {
      message: 'an event-id needs eventSource (the Event Viewer "Source" column)',
      path: ['eventSource'],
    }),
});

const releases = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: './content/releases' }),
  schema: z
    .object({
      /** Which product line the build belongs to. */
      line: z.enum(RELEASE_LINES),
      /** For connector builds that cover one connector only: its name. Example: "Lotus Domino". */
      connector: z.string().min(1).optional(),
      /** The build as Windows shows it. Example: "4.6.607.0". */
      version: z.string().regex(/^\d+(\.\d+){1,3}$/, { message: 'must be dotted numbers, for example 4.6.607.0' }),
      /** Release date, as precise as the source: YYYY-MM-DD or YYYY-MM. Omit when unknown. */
      date: yamlDate(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM').optional(),
      /** Knowledge Base article number. Example: "KB5009981". */
      kb: z.string().regex(/^KB\d+$/, { message: 'must look like KB5009981' }).optional(),
      /** Service pack line, for example "SP2" or "SP3". */
      servicePack: z.string().optional(),
      /** Notable fixes and changes, in our own words. */
      notes: z.array(localized).min(1),
      /** Where the facts come from. */
      sources: z.array(source).min(1),
      /** True when date, KB or the build itself could not be confirmed. */
      uncertain: z.boolean().default(false),
      /** Why it is unverified. */
      note: localized.optional(),
    })
    .strict(),
});

export const collections = { steps, stepsSv, codes, releases };
