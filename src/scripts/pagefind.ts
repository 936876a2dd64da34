/**
 * Pagefind's browser API, typed, and loaded once from the built site on first use. The types
 * cover what this site reads; they follow pagefind_web_js/types/index.d.ts (Pagefind 1.x), which
 * the npm package does not ship (it ships only the Node indexing API's types).
 */

export interface PagefindOptions {
  /** The site's base path; result URLs are made relative to it. */
  baseUrl?: string;
  /** Words in an excerpt (Pagefind's default is 30). */
  excerptLength?: number;
}

export interface PagefindSearchOptions {
  /** Filter name -> values, for example { kind: ['run-status'] }. */
  filters?: Record<string, string | string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** One page's data: its URL, an excerpt with hits in <mark>, its metadata and its sections. */
export interface PagefindSearchFragment {
  url: string;
  excerpt: string;
  content: string;
  word_count: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindSearchResult {
  id: string;
  score: number;
  data(): Promise<PagefindSearchFragment>;
}

export interface PagefindSearchResponse {
  results: PagefindSearchResult[];
  unfilteredResultCount: number;
}

export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  /** Null when a newer search replaced this one before it finished. */
  search(term: string, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
}

const loaded = new Map<string, Promise<Pagefind>>();

/**
 * Pagefind for the site at `base`, configured once. It exists only after `astro build`; in
 * `astro dev` the promise rejects and the caller says so instead of failing.
 */
export function loadPagefind(base: string, options: PagefindOptions = {}): Promise<Pagefind> {
  let p = loaded.get(base);
  if (!p) {
    p = (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: base, ...options });
      return pf;
    });
    loaded.set(base, p);
    // A failed load is not remembered: the next query tries again.
    p.catch(() => loaded.delete(base));
  }
  return p;
}
