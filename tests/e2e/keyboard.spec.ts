import type { Page } from '@playwright/test';
import { test, expect, at } from './fixtures';

/**
 * One walk through the site with the keyboard only: from the top of the home page to the lookup,
 * into its results, onto the code page and across to Swedish. At every stop the focused element
 * must show a visible focus indicator.
 */

/** What has focus, and whether it shows a focus ring (an outline at least 2px wide, or a box-shadow). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: 'body', id: '', cls: '', text: '', why: 'nothing focused', visible: false };
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    const fv = el.matches(':focus-visible');
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: String(el.className),
      text: (el.textContent ?? '').trim().slice(0, 60),
      why: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}, :focus-visible ${fv}, ${r.width}x${r.height} at ${r.left},${r.top}`,
      visible: ring && fv && r.width > 0 && r.height > 0,
    };
  });
}

/** Presses Tab until `match` holds for the focused element, checking the focus ring at each stop. */
async function tabTo(
  page: Page,
  what: string,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visible, `focus ring on <${f.tag} id="${f.id}" class="${f.cls}"> "${f.text}": ${f.why}`).toBe(
      true,
    );
    if (match(f)) return;
  }
  throw new Error(`${what} was not reached within ${max} presses of Tab`);
}

test('keyboard only: Tab to the lookup, 6025, ArrowDown, Enter, then the language switch', async ({
  page,
}) => {
  await page.goto(at(''));

  await tabTo(page, 'the lookup box', (f) => f.tag === 'input' && f.id.endsWith('-q'));
  await page.keyboard.type('6025');
  const first = page.locator('.lookup-popup .lookup-list > li > a').first();
  await expect(first).toHaveAttribute('href', /codes\/pcns-event-6025\/$/);

  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  const f = await focused(page);
  expect(f.visible, 'focus ring on the first result').toBe(true);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/codes\/pcns-event-6025\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('6025');

  await tabTo(page, 'the language switch', (f) => f.cls.split(' ').includes('lang-switch'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sv\/codes\/pcns-event-6025\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('"/" and Ctrl+K put the caret in the lookup box from anywhere, and "/" types normally inside a field', async ({
  page,
}) => {
  await page.goto(at('steps/pcns-event-6025/'));
  const box = page.locator('.site-header mim-lookup .field');
  await expect(box).toHaveAttribute('aria-keyshortcuts', /\//);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().focus();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  // Inside the box a slash is text (an admin may paste or type a path).
  await page.keyboard.type('a/b');
  await expect(box).toHaveValue('a/b');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().focus();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();

  // On the home page the page's own box takes the caret.
  await page.goto(at(''));
  await page.keyboard.press('/');
  await expect(page.locator('main mim-lookup .field')).toBeFocused();
});
