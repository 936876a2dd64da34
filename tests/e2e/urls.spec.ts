import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { readPages } from '../../src/integrations/published-urls';
import { diffUrls, parseUrlList } from '../../src/lib/published-urls';
import { SITES } from '../../playwright.config';

/**
 * published-urls.txt is the committed list of every public URL. The build already fails when a
 * listed URL disappears; this test also fails when the list is out of date, so new pages and
 * headings are recorded (npm run urls) in the same change that adds them.
 */
test('published-urls.txt lists exactly the URLs the site serves', ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'root', 'the list is base-independent; one build is enough');
  const root = path.resolve(import.meta.dirname, '../..');
  const dist = path.join(
    root,
    (testInfo.project.metadata as { outDir?: string }).outDir ?? SITES.root.outDir,
  );
  const published = parseUrlList(readFileSync(path.join(root, 'published-urls.txt'), 'utf8'));
  const { dropped, added } = diffUrls(published, readPages(dist));
  expect(dropped, 'published URLs the build no longer serves').toEqual([]);
  expect(added, 'URLs missing from published-urls.txt: run `npm run urls` and commit it').toEqual([]);
  expect(published.length).toBeGreaterThan(1000);
});
