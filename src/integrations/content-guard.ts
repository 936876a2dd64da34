/**
 * Before Astro reads any content: check the raw bytes of every file under content/ (see
 * src/lib/content-guard.ts). Astro's loaders would otherwise publish a Windows-1252 "ä" as "�",
 * fail an MDX file in another encoding with "No such file or directory", roll 2026-13-45 over to
 * 2027-02-14, and pass raw <script> or javascript: links from MDX into the HTML.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRawContent, type RawFile } from '../lib/content-guard.ts';
import { ContentIntegrityError } from '../lib/integrity.ts';
import { listFiles } from '../data/files.ts';

function contentFiles(root: string): RawFile[] {
  return listFiles(root, 'content', (n) => /\.(ya?ml|mdx)$/i.test(n)).map((file) => ({
    file,
    bytes: readFileSync(path.join(root, file)),
  }));
}

export default function contentGuard(): AstroIntegration {
  return {
    name: 'mim-content-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        const problems = checkRawContent(contentFiles(fileURLToPath(config.root)));
        if (problems.length) throw new ContentIntegrityError(problems);
      },
    },
  };
}
