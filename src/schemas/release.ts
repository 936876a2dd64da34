/** Builds: content/releases/<line>/<version>.yaml, one record per Sync Service or connector build. */
import { z } from 'astro/zod';
import { RELEASE_LINES } from '../lib/codes';
import { versionProblem } from '../lib/versions';
import { isoDate, localized, source, yamlDate } from './shared';

/**
 * A build number as Windows writes it: 2 to 4 dot-separated parts, each 0 to 65535. Quote it in
 * YAML ("4.6.607.0"), or YAML may read a two-part version as a number.
 */
const version = z
  .string({ error: 'must be a version in quotes, for example "4.6.607.0"' })
  .superRefine((s, ctx) => {
    const problem = versionProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const releaseSchema = z
  .object({
    /** Which product line the build belongs to. */
    line: z.enum(RELEASE_LINES),
    /** For connector builds that cover one connector only: its name. Example: "Lotus Domino". */
    connector: z.string().min(1).optional(),
    /** The build as Windows shows it. Example: "4.6.607.0". */
    version,
    /** Release date, as precise as the source: YYYY-MM-DD or YYYY-MM. Omit when unknown. */
    date: yamlDate(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM').optional(),
    /** Knowledge Base article number. Example: "KB5009981". The page links it to support.microsoft.com. */
    kb: z
      .string()
      .regex(/^KB\d+$/, { message: 'must look like KB5009981' })
      .optional(),
    /** Service pack line, for example "SP2" or "SP3". */
    servicePack: z.string().optional(),
    /**
     * An earlier build of the same line (and connector) that must be installed before this one:
     * this build installs only on that build or a later one. The checker lists it as a stop.
     * Example: "4.6.34.0" (the SP2 baseline) on an SP2 hotfix. Only what a cited source says.
     */
    requires: version.optional(),
    /**
     * The one earlier build this build can be installed over in place. The checker lists it as a
     * stop for every older build. Example: "4.6.673.0" on SP3. Only what a cited source says.
     */
    requiresInPlaceFrom: version.optional(),
    /**
     * For a single-connector build (with `connector`): the connector now ships in the 1.1.x
     * generic connector package, so the checker sends it to the package's newest build.
     */
    replacedByPackage: z.literal(true).optional(),
    /** YYYY-MM-DD: when this record was last checked against Microsoft's pages. */
    lastReviewed: isoDate,
    /** Notable fixes and changes, in our own words. */
    notes: z.array(localized).min(1),
    /** Where the facts come from. */
    sources: z.array(source).min(1),
    /** True when date, KB or the build itself could not be confirmed. */
    uncertain: z.boolean().default(false),
    /** Why it is unverified, or where sources disagree. Shown on the page beside the build. */
    note: localized.optional(),
  })
  .strict()
  .refine((r) => !(r.requires && r.requiresInPlaceFrom), {
    message:
      'give either requires (this build or later) or requiresInPlaceFrom (exactly this build), not both',
    path: ['requiresInPlaceFrom'],
  })
  .refine((r) => !r.replacedByPackage || r.connector, {
    message: 'replacedByPackage is for a single-connector build: set "connector" too, or remove it',
    path: ['replacedByPackage'],
  });

export type ReleaseData = z.infer<typeof releaseSchema>;
