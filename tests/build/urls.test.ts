/**
 * Published URLs are permanent. The fixture site has a committed published-urls.txt; removing a
 * page or renaming a heading fails the build unless a redirect or an anchor alias keeps it. The
 * check lists every dropped URL at once, so one build removes a page and renames a heading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, type Site } from './harness';

let site: Site | undefined;
afterEach(() => site?.remove());

const REMOVE_SECOND_STEP = (s: Site) => {
  s.write('content/steps/en/second-step.mdx', null);
  s.write('content/steps/sv/second-step.mdx', null);
  const f = 'content/codes/event-id/pcns-event-6025.yaml';
  s.write(f, s.read(f).replace('steps: [second-step]', 'steps: [first-step]'));
};

const RENAME_FIRST_CHECKS = (s: Site, alias: boolean) => {
  const f = 'content/steps/en/first-step.mdx';
  let text = s.read(f).replace('## Checks', '## What to check');
  if (alias)
    text = text.replace(
      'lastReviewed: 2026-11-26',
      'lastReviewed: 2026-11-26\nanchorAliases: { checks: what-to-check }',
    );
  s.write(f, text);
};

// The build that keeps every published URL is the valid site's own build (tests/build/site.test.ts).
describe('published URLs', () => {
  it('fails the build when a published page is removed without a redirect, or a heading renamed without its old anchor', () => {
    site = makeSite('valid-minimal');
    REMOVE_SECOND_STEP(site);
    RENAME_FIRST_CHECKS(site, false);
    const r = site.build();
    expect(r.ok).toBe(false);
    expect(r.output).toContain('The build dropped');
    expect(r.output).toContain('/steps/second-step/');
    expect(r.output).toContain('/sv/steps/second-step/');
    expect(r.output).toContain('add it to content/redirects.yaml');
    expect(r.output).toContain('/steps/first-step/#checks');
    expect(r.output).toContain('anchorAliases: { old-id: new-id }');
  });

  it('builds when the removed page is redirected and the renamed heading keeps its old anchor', () => {
    site = makeSite('valid-minimal');
    REMOVE_SECOND_STEP(site);
    RENAME_FIRST_CHECKS(site, true);
    site.write(
      'content/redirects.yaml',
      '- from: /steps/second-step/\n  to: /steps/first-step/\n- from: /sv/steps/second-step/\n  to: /sv/steps/first-step/\n',
    );
    // With SITE_URL, so the build writes the sitemap that must leave the old address out.
    const r = site.build({ SITE_URL: 'https://help.example.test' });
    expect(r.ok, r.output).toBe(true);
    const html = site.read('dist/steps/second-step/index.html');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/steps/first-step/">');
    // The script goes first and keeps the old link's #anchor, which a meta refresh drops.
    expect(html).toContain('<script src="/redirect.js" data-to="/steps/first-step/"></script>');
    expect(site.read('dist/sitemap-0.xml')).not.toContain('second-step');
    expect(site.read('dist/steps/first-step/index.html')).toMatch(
      /<h2 id="what-to-check" class="heading"><span id="checks" class="anchor-alias"><\/span>What to check<\/h2>/,
    );
  });

  it('rejects redirects from live pages and routes, to missing pages or anchors, and with ".." in them', () => {
    site = makeSite('valid-minimal');
    site.write(
      'content/redirects.yaml',
      [
        '- from: /lookup/\n  to: /codes/stopped-server/',
        '- from: /e/6025/\n  to: /codes/stopped-server/',
        '- from: /codes/gone/\n  to: /no-such-page/',
        '- from: /codes/gone-too/\n  to: /steps/first-step/#no-such-heading',
        '- from: /a/../../outside/pwned/\n  to: /codes/stopped-server/',
        '- from: /codes/stopped-server/\n  to: /codes/stopped-server-down/',
      ].join('\n') + '\n',
    );
    const r = site.build();
    expect(r.ok).toBe(false);
    expect(r.output).toContain('field "[0].from" is /lookup/, which is still a live page');
    expect(r.output).toContain('field "[1].from" is /e/6025/, which is still a live page');
    expect(r.output).toContain('field "[2].to" points to /no-such-page/, which is not a page of the site.');
    expect(r.output).toContain(
      'field "[3].to" points to the anchor #no-such-heading, which /steps/first-step/ does not have.',
    );
    expect(r.output).toContain('field "[4].from" must not contain "." or ".." segments');
    expect(r.output).toContain(
      'content/redirects.yaml: field "[5].from" is /codes/stopped-server/, which is still a live page (the redirect would be dropped).',
    );
  });
});
