/** The Swedish glossary: content/glossary.yaml, one entry per concept. */
import { z } from 'astro/zod';
import { kebabId, source } from './shared';

export const glossaryTermSchema = z
  .object({
    /** Stable id of the concept, kebab-case. Example: "run-profile". */
    id: kebabId,
    /** The English term as the product and the English pages use it. Example: "run profile". */
    en: z.string().trim().min(1),
    /** The one Swedish word the site uses for it, Microsoft's own where it exists. Example: "körningsprofil". */
    sv: z.string().trim().min(1),
    /** How to use the word: compounds, exceptions, what it must not be confused with. */
    note: z.string().trim().min(1).optional(),
    /** Where the Swedish word comes from. A source without a public address says so in its title. */
    sources: z.array(source).min(1, { message: 'say where the Swedish word comes from' }),
    /**
     * Wrong variants: Swedish texts must not contain them (case-insensitive, at the start of a word,
     * outside code). Example: ["körprofil"].
     */
    avoid: z
      .array(z.string().min(3, { message: 'an avoided variant needs at least 3 characters' }))
      .default([]),
  })
  .strict();

/** The whole file: a list of terms with unique ids. */
export const glossarySchema = z
  .array(glossaryTermSchema)
  .min(1)
  .superRefine((terms, ctx) => {
    const seen = new Set<string>();
    terms.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate glossary id "${t.id}"` });
      seen.add(t.id);
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
