/**
 * The collections and their loaders. The schemas, the reference for authors (every field has a
 * one-line comment, every constraint lives in the schema), are in src/schemas/.
 *
 * - `steps`:          content/steps/en/<step-id>.mdx, one troubleshooting step per file (English, canonical).
 * - `stepsSv`:        content/steps/sv/<step-id>.mdx, the Swedish text of the same step.
 * - `codes`:          content/codes/<kind>/<slug>.yaml, one record per code, both languages inline.
 * - `releases`:       content/releases/<line>/<version>.yaml, one record per build.
 * - `diagram`:        content/diagram.yaml, the words and links of the sync-flow diagram (one entry).
 *
 * Cross-file rules (references resolve, no duplicate codes, every step translated, no empty
 * collection, YAML that parses) are checked in src/lib/integrity.ts (called from src/data/catalog.ts), which fails the build
 * with a message naming the file, the field and the fix.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { codeSchema } from './schemas/code';
import { diagramSchema } from './schemas/diagram';
import { glossaryTermSchema } from './schemas/glossary';
import { releaseSchema } from './schemas/release';
import { stepSchema, stepSvSchema } from './schemas/step';

/** Every file under content/<folder> that matches `pattern`, one entry each. */
const under = (folder: string, pattern: string) => glob({ pattern, base: `./content/${folder}` });

const steps = defineCollection({ loader: under('steps/en', '*.mdx'), schema: stepSchema });
const stepsSv = defineCollection({ loader: under('steps/sv', '*.mdx'), schema: stepSvSchema });
const codes = defineCollection({ loader: under('codes', '**/*.yaml'), schema: codeSchema });
const releases = defineCollection({ loader: under('releases', '**/*.yaml'), schema: releaseSchema });

// One file, one entry: the parser names it, so the file itself stays flat for its authors.
const diagram = defineCollection({
  loader: file('content/diagram.yaml', { parser: (text) => ({ 'sync-flow': parseYaml(text) }) }),
  schema: diagramSchema,
});

/** content/glossary.yaml: the Swedish glossary, one entry per concept (see README, "Swedish terms"). */
const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: glossaryTermSchema,
});

export const collections = { steps, stepsSv, codes, releases, diagram, glossary };
