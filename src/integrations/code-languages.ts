/**
 * The language of every fenced code block in step MDX, checked and spelled the way Prism (the
 * highlighter, astro.config.mjs) loads it, as a Sätteri mdast plugin: it runs before Astro's
 * highlight pass, which only logs "Language does not exist: …" for a name it cannot load and then
 * ships the block unhighlighted.
 *
 * - Names authors of Windows pages write that Prism spells differently (`cmd`, `ps1`, `pwsh`)
 *   become Prism's (`batch`, `powershell`); so do Prism's own aliases (`sh` -> `bash`), which its
 *   loader does not accept. components/CodeBlock.astro labels the block from that name, so
 *   `cmd` still reads "Command Prompt".
 * - No language, or `text`/`plaintext`, is a plain block.
 * - Any other name fails the build, naming the file, the line and the fix.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { MdastPluginEntry } from 'satteri';

/** Prism's language ids, each with its aliases (prismjs/components.json). */
const prismComponents = createRequire(import.meta.url)('prismjs/components.js') as {
  languages: Record<string, { alias?: string | string[] } | string>;
};

/** Names that need no highlighting (Prism's core knows them). */
const PLAIN = new Set(['text', 'plaintext', 'plain', 'txt']);

/** Names of Windows shells that Prism knows under another id. */
const OWN = new Map([
  ['cmd', 'batch'],
  ['bat', 'batch'],
  ['ps1', 'powershell'],
  ['pwsh', 'powershell'],
]);

/** Every name Prism's loader accepts, and every alias, mapped to the loader's id. */
const PRISM_IDS = (() => {
  const ids = new Map<string, string>();
  for (const [id, meta] of Object.entries(prismComponents.languages)) {
    if (id === 'meta' || typeof meta !== 'object') continue;
    ids.set(id, id);
    for (const alias of [meta.alias ?? []].flat()) if (!ids.has(alias)) ids.set(alias, id);
  }
  return ids;
})();

/**
 * The name to hand the highlighter for a fence's language: '' for a plain block, undefined when
 * Prism has no such language.
 */
export function prismLanguage(lang: string | null | undefined): string | undefined {
  const name = (lang ?? '').trim().toLowerCase();
  if (!name || PLAIN.has(name)) return name && 'plaintext';
  return PRISM_IDS.get(OWN.get(name) ?? name);
}

function where(file: URL | undefined, line: number | undefined): string {
  const name = file ? path.relative(process.cwd(), fileURLToPath(file)) : 'a Markdown file';
  return line ? `${name}:${line}` : name;
}

export const codeLanguages: MdastPluginEntry = {
  name: 'mim-code-languages',
  options: { position: true },
  code(node, ctx) {
    if (!node.lang) return;
    const lang = prismLanguage(node.lang);
    if (lang === undefined)
      throw new Error(
        `${where(ctx.fileURL, node.position?.start.line)}: the code block's language "${node.lang}" ` +
          'is not one the highlighter (Prism) knows, so the block would ship without colours. ' +
          'Write powershell, cmd, sql, xml, json or another Prism language after the three ' +
          'backticks, or text for a block without highlighting.',
      );
    if (lang !== node.lang) ctx.setProperty(node, 'lang', lang);
  },
};
