/** The whole exact-match map for one language, for pasted text and "did you mean". */
import type { APIRoute } from 'astro';
import { langPaths } from '../../data/routes';
import { lookupIndexFor } from '../../data/lookup';
import { packIndex } from '../../lib/lookup';
import type { Lang } from '../../i18n';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const { index } = await lookupIndexFor(props.lang as Lang);
  return new Response(JSON.stringify(packIndex(index)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
