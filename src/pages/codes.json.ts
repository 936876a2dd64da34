/** The machine-readable catalog for ticket tools and scripts: every code with its page URL. */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../data/catalog';
import { localizedPath } from '../lib/urls';
import { plainText } from '../lib/inline';

export const GET: APIRoute = async () => {
  const { codes } = await loadCatalog();
  const base = import.meta.env.BASE_URL;
  const body = {
    codes: codes.map((c) => ({
      code: c.data.code,
      kind: c.data.kind,
      category: c.data.category,
      component: c.data.component,
      title: plainText(c.data.title.en),
      summary: plainText(c.data.summary.en),
      url: localizedPath(base, 'en', `codes/${c.slug}`),
      aliases: c.data.aliases,
      slug: c.slug,
      ...(c.data.eventSource ? { eventSource: c.data.eventSource } : {}),
      uncertain: c.data.uncertain,
      steps: c.steps.map((s) => localizedPath(base, 'en', `steps/${s.slug}`)),
      sv: {
        title: plainText(c.data.title.sv),
        summary: plainText(c.data.summary.sv),
        url: localizedPath(base, 'sv', `codes/${c.slug}`),
      },
    })),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
