/**
 * Heading links for step MDX, as a Sätteri hast plugin (Astro 7's Markdown processor), the way
 * Starlight's rehype-heading-links does it for remark: each h2–h4 is wrapped as
 *   <div class="heading-wrapper level-N"><hN id class="heading">[old-id spans]…</hN><a class="heading-link">#</a></div>
 * which is the markup components/Heading.astro writes for headings outside Markdown. Old ids come
 * from the page's own frontmatter (`anchorAliases`, old id -> current id), the link label from
 * the UI strings in the page's language (content/steps/<lang>/…), so no component has to pass
 * them through Astro.locals while the MDX renders.
 */
import { fileURLToPath } from 'node:url';
import { satteriHeadingIdsPlugin, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { t } from '../i18n';
import { isLang, type Lang } from '../lib/urls';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** The page language from its path: content/steps/<lang>/<id>.mdx. */
function langOf(file: URL | undefined): Lang {
  const dir = file ? fileURLToPath(file).split(/[\\/]/).at(-2) : undefined;
  return isLang(dir) ? dir : 'en';
}

/** Old ids that point at `id`, from the raw frontmatter (the schema validates it separately). */
function oldIdsFor(aliases: unknown, id: string): string[] {
  if (!aliases || typeof aliases !== 'object') return [];
  return Object.entries(aliases)
    .filter(([, to]) => to === id)
    .map(([from]) => from);
}

const headingLinks: HastPluginEntry = {
  name: 'mim-heading-links',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const id = node.properties?.id;
      if (typeof id !== 'string') return;
      const label = t(langOf(ctx.fileURL), 'share.copyHeading');
      const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
      const old = oldIdsFor(astro?.frontmatter?.anchorAliases, id);
      ctx.setProperty(node, 'className', ['heading']);
      if (old.length)
        ctx.prependChild(
          node,
          old.map((o) => ({
            type: 'element' as const,
            tagName: 'span',
            properties: { id: o, className: ['anchor-alias'] },
            children: [],
          })),
        );
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-${node.tagName.slice(1)}`] },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: {
              className: ['heading-link'],
              href: `#${id}`,
              dataCopy: 'anchor',
              ariaLabel: label,
              title: label,
            },
            children: [{ type: 'text', value: '#' }],
          },
        ],
      });
    },
  },
};

/**
 * The hast plugins for markdown.processor. Astro assigns heading ids after the configured
 * plugins, so its own id plugin runs first here; Astro's later pass keeps the ids it finds.
 */
export const headingLinkPlugins: HastPluginEntry[] = [satteriHeadingIdsPlugin(), headingLinks];
