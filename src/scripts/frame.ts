/**
 * The one script a page loads (Base.astro). Each component's own <script> used to be an entry of
 * its own, and Vite puts every module two entries share into a chunk of its own: a step page
 * fetched eight scripts, three deep, before its first paint, and in Lighthouse's simulated mobile
 * load that paint came about 180 ms later than on the same page with them removed.
 *
 * What every page may need is imported here: <mim-lookup> (lookup-boot.ts, which loads the lookup
 * itself on first use), "On this page" (toc.ts) and the links for tickets and feedback (copy.ts).
 * Each is a no-op on a page without its elements. What only one page needs loads from here when
 * that page's element is present, so the chunks it shares with the rest come from this file.
 */
import './lookup-boot';
import './toc';
import './copy';

if (document.querySelector('mim-analyze')) void import('./analyze/page');
if (document.querySelector('mim-versions')) void import('./versions-boot');
if (document.getElementById('short-link-help')) void import('./not-found');
