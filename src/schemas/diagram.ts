/**
 * content/diagram.yaml: every word and link of the sync-flow diagram on the home page. Its keys
 * are fixed by the drawing (src/lib/diagram-layout.ts), so a missing or misspelled key fails here
 * with the key's path; whether each step or code exists is checked with the rest of the catalog
 * (src/data/diagram.ts).
 */
import { z } from 'astro/zod';
import { LINK_KEYS, PART_KEYS, WORD_KEYS } from '../lib/diagram-layout';
import { kebabId, localized } from './shared';

/** An object with exactly these keys, each holding `value`. */
function exactly<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>).strict();
}

/** A chip on the diagram: its short label, and the step or the code it opens (one of the two). */
const link = z
  .object({
    /** A step id: the file name under content/steps/en/, without .mdx. */
    step: kebabId.optional(),
    /** A code page: the file name under content/codes/, without .yaml. */
    code: kebabId.optional(),
    /** The label drawn on the chip; short, it stays on one line. */
    label: localized,
  })
  .strict()
  .refine((l) => (l.step === undefined) !== (l.code === undefined), {
    message: 'give either "step:" or "code:", exactly one of the two',
  });

/** One part of the picture, as the list below the diagram names it. */
const part = z
  .object({
    /** The part's name, drawn on the diagram and read by screen readers. */
    name: localized,
    /** One or two sentences on what the part does. */
    description: localized,
    /** The links that troubleshoot it: keys of `links`. */
    links: z.array(z.enum(LINK_KEYS)).min(1),
  })
  .strict();

export const diagramSchema = z
  .object({
    /** The diagram's accessible name. */
    title: localized,
    /** What the whole picture shows, for screen readers. */
    description: localized,
    /** The caption below the picture. */
    caption: localized,
    /** The heading of the list of parts below the picture. */
    listTitle: localized,
    links: exactly(LINK_KEYS, link),
    /** In the order the list below the diagram names them. */
    parts: exactly(PART_KEYS, part),
    words: exactly(WORD_KEYS, localized),
  })
  .strict();

export type DiagramData = z.infer<typeof diagramSchema>;
