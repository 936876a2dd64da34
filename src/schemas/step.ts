/** Step pages: content/steps/en/<id>.mdx (canonical) and content/steps/sv/<id>.mdx (its Swedish text). */
import { z } from 'astro/zod';
import { APPLIES_TO, COMPONENTS, RELEASE_LINES } from '../lib/codes';
import { anchorAliases, isoDate, kebabId, source } from './shared';

export const stepSchema = z
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
    sources: z
      .array(source)
      .min(1, { message: 'list at least one source: every page cites where its facts come from' }),
    /** Heading ids that were renamed: old id -> current id, so links in old tickets keep working. Example: { fix: the-fix }. */
    anchorAliases: anchorAliases,
    /** Shows a version check for this release line under the step (a form that opens /versions/). Example: connectors. */
    versionCheck: z.enum(RELEASE_LINES).optional(),
  })
  .strict();

/** A translation carries only what changes with the language; order, codes and sources come from English. */
export const stepSvSchema = z
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
  .strict();

export type StepData = z.infer<typeof stepSchema>;
export type StepSvData = z.infer<typeof stepSvSchema>;
