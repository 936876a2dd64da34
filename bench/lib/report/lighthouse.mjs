/** Part 4, Lighthouse: its section of bench/RESULTS.md. */
import { heading, ms, table } from './format.mjs';

export function lighthouseSection(l) {
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  const out = [
    ...heading('4. Lighthouse', l.machine),
    `Lighthouse ${l.settings?.lighthouse} from npm, in the local Chromium launched by chrome-launcher (\`--headless=new\` plus the end-to-end tests' flags), ${l.settings?.formFactor} form factor, ${l.settings?.throttling} throttling (the defaults). Scores are medians of ${Object.values(l.pages)[0]?.runs} runs, each in a newly launched browser.`,
    '',
    table(
      ['page', 'path', ...cats, 'FCP', 'LCP', 'TBT', 'CLS'],
      Object.entries(l.pages).map(([k, p]) => [
        k,
        `\`${p.path}\``,
        ...cats.map((c) => `${p.scores[c]}${p.scores[c] === 100 ? '' : ' ⚠'}`),
        ms(p.metrics['first-contentful-paint']),
        ms(p.metrics['largest-contentful-paint']),
        ms(p.metrics['total-blocking-time']),
        p.metrics['cumulative-layout-shift']?.toFixed(3) ?? '–',
      ]),
    ),
    '',
    '### Audits below a full score',
    '',
    'Weighted audits lower the category score; unweighted ones (Lighthouse 13\'s "insights" and a few checks) are listed because they point at something to fix, but do not change the score. Elements and URLs are the first few Lighthouse named.',
    '',
  ];
  const line = (k, p, f) => {
    const items = f.items?.length
      ? `: ${f.items.map((i) => `\`${String(i).replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 140)}\``).join('; ')}`
      : '';
    return `- **${k}** · ${f.category} · \`${f.id}\` (${f.title}): score ${f.score ?? 'error'}${f.displayValue ? `, ${f.displayValue}` : ''}; in ${f.runs}/${p.runs} runs${items}`;
  };
  for (const [title, weighted] of [
    ['Weighted (these cost points)', true],
    ['Unweighted (no effect on the score)', false],
  ]) {
    const lines = Object.entries(l.pages).flatMap(([k, p]) =>
      p.failed.filter((f) => Boolean(f.weight) === weighted).map((f) => line(k, p, f)),
    );
    out.push(`#### ${title}`, '', ...(lines.length ? lines : ['None.']), '');
  }
  return out.join('\n');
}
