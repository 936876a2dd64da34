/** The analyzer's code map for one language (code -> page, title, wrapper, first fix step). */
import type { APIRoute } from 'astro';
import { langPaths } from '../../data/routes';
import { analyzeCodeMap } from '../../data/analyze';
import type { Lang } from '../../i18n';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(JSON.stringify(await analyzeCodeMap(props.lang as Lang)), {
    headers: { 'Content-Type': 'application/json' },
  });
