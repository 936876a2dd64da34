/** Codes: content/codes/<kind>/<slug>.yaml, one record per code, both languages inline. */
import { z } from 'astro/zod';
import { APPLIES_TO, CODE_KINDS, COMPONENTS, normalizeCode } from '../lib/codes';
import { isoDate, kebabId, localized, source } from './shared';

export const codeSchema = z
  .object({
    /** The exact string the product prints, with ASCII hyphens. Example: "stopped-extension-dll-exception", "6025", "0x8023063d". */
    code: z
      .string()
      .min(1)
      .refine((c) => c === normalizeCode(c), {
        message:
          'must be written in its canonical form: lower case, ASCII hyphens, HRESULTs as 0x followed by 8 hex digits',
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
    /**
     * Slugs of the steps (content/steps/en/<slug>.mdx) with a fix, most specific first: the first
     * is the code page's "Fix" link. At least one.
     */
    steps: z
      .array(kebabId)
      .min(1, { message: 'link at least one step with an actionable fix (steps: [step-id])' }),
    /**
     * When each step applies, shown beside its link. Keys are step ids from `steps`. Required in
     * practice for a code with several steps (tests/unit/step-when.test.ts checks the catalog).
     * Example: { extension-dll-exception: { en: "rules extension", sv: "regeltillägg" } }.
     */
    stepWhen: z.record(kebabId, localized).optional(),
    /** Other strings that mean this code: older spellings, truncated forms. Each must be unique across the catalog. */
    aliases: z.array(z.string().min(1)).default([]),
    /** For Windows event IDs: the event log source, for example "PCNSSVC" or "FIMSynchronizationService". */
    eventSource: z.string().min(1).optional(),
    /**
     * For an event Windows logs for any program that crashes (Application Error 1000): the one
     * process this page is about, as the event's "Faulting application name" prints it, for
     * example "miiserver.exe". The lookup does not answer with this page for a paste whose
     * faulting application is another program.
     */
    faultingApplication: z
      .string()
      .regex(/^[\w.-]+\.exe$/i, {
        message:
          'faultingApplication is the file name the event prints after "Faulting application name:", for example miiserver.exe',
      })
      .optional(),
    /**
     * The .NET exception classes that an extension or connector throws to produce this code, as
     * a cited source states it (the FIM developer reference's "Handling Errors" table, for
     * example): the class name alone, PascalCase, ending in Exception, each on one code only
     * across the catalog. The lookup ranks this code first when a paste names the class, bare or
     * as Microsoft.MetadirectoryServices.<Class>. Example: [UnexpectedDataException].
     */
    exceptions: z
      .array(
        z.string().regex(/^[A-Z][A-Za-z0-9]*[a-z0-9]Exception$/, {
          message:
            'an exception is a class name alone, PascalCase and ending in Exception, without its namespace: for example UnexpectedDataException',
        }),
      )
      .refine((xs) => new Set(xs).size === xs.length, { message: 'list each exception class once' })
      .optional(),
    /** Where the facts come from. */
    sources: z
      .array(source)
      .min(1, { message: 'list at least one source: never publish a code without one' }),
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
    /**
     * The product's own message text for this code, verbatim as a cited source prints it, with the
     * parts that differ per system (names, DNs, numbers, GUIDs, paths) written as `…`. The lookup
     * matches pasted text against these. Example: 'The management agent "…" failed on run profile "…"'.
     */
    messages: z
      .array(
        z.string().trim().min(12, {
          message: 'a message must be the product text, at least 12 characters; write varying parts as …',
        }),
      )
      .default([]),
    /**
     * True for a generic event or status that only reports a failure whose cause is another code
     * (for example sync event 6301). The lookup ranks the cause before the wrapper.
     */
    wrapper: z.boolean().default(false),
    /** Set when only Entra Connect (Azure AD Connect, DirSync) logs this code, not the MIM Sync Service. */
    onlyIn: z.enum(['entra-connect']).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const steps = new Set(c.steps);
    for (const key of Object.keys(c.stepWhen ?? {})) {
      if (!steps.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['stepWhen', key],
          message: `"${key}" is not in steps: label only the steps this code lists (${c.steps.join(', ')})`,
        });
    }
  })
  .refine((c) => !c.faultingApplication || c.kind === 'event-id', {
    message: 'faultingApplication is for an event-id (Application Error 1000): remove it or fix kind',
    path: ['faultingApplication'],
  })
  .refine((c) => c.kind !== 'event-id' || c.eventSource, {
    message: 'an event-id needs eventSource (the Event Viewer "Source" column)',
    path: ['eventSource'],
  });

export type CodeData = z.infer<typeof codeSchema>;
