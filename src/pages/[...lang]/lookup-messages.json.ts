/** The message index for one language: fetched only when the lookup reads a pasted text. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../data/routes';
import { lookupIndexFor } from '../../data/lookup';
import type { Lang } from '../../i18n';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const { messages } = await lookupIndexFor(props.lang as Lang);
  return new Response(JSON.stringify(messages), { headers: { 'Content-Type': 'application/json' } });
};
