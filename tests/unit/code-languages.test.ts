import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { markdownToHtml } from 'satteri';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { codeLanguages, prismLanguage } from '../../src/integrations/code-languages';

const file = pathToFileURL(path.resolve('content/steps/en/a-step.mdx'));

/** Astro's own Markdown pipeline with Prism, as astro.config.mjs sets it up. */
async function render(markdown: string) {
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'prism',
    mdastPlugins: [codeLanguages],
  });
  return (await processor.render(markdown, { fileURL: file })).code;
}

describe('code block languages', () => {
  it('spells Windows shell names and Prism aliases the way Prism loads them', () => {
    expect(prismLanguage('cmd')).toBe('batch');
    expect(prismLanguage('PowerShell')).toBe('powershell');
    expect(prismLanguage('pwsh')).toBe('powershell');
    expect(prismLanguage('sh')).toBe('bash');
    expect(prismLanguage('xml')).toBe('markup');
    expect(prismLanguage('sql')).toBe('sql');
    expect(prismLanguage('text')).toBe('plaintext');
    expect(prismLanguage('')).toBe('');
    expect(prismLanguage('cmdd')).toBeUndefined();
    // A key that comes from content never reads the prototype.
    expect(prismLanguage('constructor')).toBeUndefined();
  });

  it('highlights a cmd block as batch, with no warning from the highlighter', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render('```cmd\nnet stop pcnssvc\n```\n');
    const warnings = warn.mock.calls.map((c) => c.join(' '));
    warn.mockRestore();
    expect(warnings).toEqual([]);
    expect(html).toContain('data-language="batch"');
    expect(html).toContain('class="token');
  });

  it('fails on a language Prism does not know, naming the file, the line and the fix', async () => {
    await expect(render('Intro.\n\n```cmdd\nnet stop pcnssvc\n```\n')).rejects.toThrow(
      'content/steps/en/a-step.mdx:3: the code block\'s language "cmdd" is not one the highlighter ' +
        '(Prism) knows',
    );
    await expect(render('```cmdd\nx\n```\n')).rejects.toThrow(/or text for a block without/);
  });

  it('leaves plain blocks alone', async () => {
    const html = await markdownToHtml('```\nplain\n```\n\n```text\nx\n```\n', {
      mdastPlugins: [codeLanguages],
    });
    expect(html.html).not.toContain('class="token');
    expect(html.html).toContain('plain');
  });
});
