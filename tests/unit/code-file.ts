/** A code's content file as the schema reads it, and what the schema says about a changed copy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { codeSchema } from '../../src/schemas/code';

/** content/codes/<rel>, parsed: for example codeFile('event-id/app-event-1000.yaml'). */
export const codeFile = (rel: string) =>
  parse(readFileSync(path.resolve(import.meta.dirname, '../../content/codes', rel), 'utf8')) as Record<
    string,
    unknown
  >;

/** The schema's problems with a record, as "field.path: message", [] when it is valid. */
export const schemaIssues = (x: Record<string, unknown>) => {
  const r = codeSchema.safeParse(x);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
