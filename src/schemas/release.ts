/** Builds: content/releases/<line>/<version>.yaml, one record per Sync Service or connector build. */
import { z } from 'astro/zod';
import { RELEASE_LINES } from '../lib/codes';
import { localized, source, yamlDate } from './shared';

export const releaseSchema = z
  .object({
    /** Which product line the build belongs to. */
    line: z.enum(RELEASE_LINES),
    /** For connector builds that cover one connector only: its name. Example: "Lotus Domino". */
    connector: z.string().min(1).optional(),
    /** The build as Windows shows it. Example: "4.6.607.0". */
    version: z
      .string()
      .regex(/^\d+(\.\d+){1,3}$/, { message: 'must be dotted numbers, for example 4.6.607.0' }),
    /** Release date, as precise as the source: YYYY-MM-DD or YYYY-MM. Omit when unknown. */
    date: yamlDate(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM').optional(),
    /** Knowledge Base article number. Example: "KB5009981". */
    kb: z
      .string()
      .regex(/^KB\d+$/, { message: 'must look like KB5009981' })
      .optional(),
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
  .strict();

export type ReleaseData = z.infer<typeof releaseSchema>;
