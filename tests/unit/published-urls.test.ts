import { describe, expect, it } from 'vitest';
import { diffUrls, formatUrlList, parseUrlList, urlsOf } from '../../src/lib/published-urls';
import { ticketMarkdown, ticketText } from '../../src/lib/ticket';
import { feedbackHref } from '../../src/lib/site-config';

const page = (path: string, html: string) => ({ path, html });

describe('published URLs', () => {
  it('lists a page and its heading anchors, not page furniture', () => {
    const html =
      '<h2 id="toc-title">On this page</h2><h2 id="fix" class="heading"><span id="old-fix" class="anchor-alias"></span>Fix</h2><h3 id="sub">S</h3><div id="main">';
    expect(urlsOf(page('/steps/x/', html))).toEqual([
      '/steps/x/',
      '/steps/x/#fix',
      '/steps/x/#old-fix',
      '/steps/x/#sub',
    ]);
  });
  it('reports dropped and added URLs, and counts anchors of a redirected page as kept', () => {
    const pages = [
      page('/a/', '<h2 id="one">'),
      page('/old/', '<meta http-equiv="refresh" content="0; url=/a/">'),
    ];
    expect(diffUrls(['/a/', '/a/#one', '/a/#two', '/old/', '/old/#x', '/gone/'], pages)).toEqual({
      dropped: ['/a/#two', '/gone/'],
      added: [],
    });
    expect(diffUrls(['/a/'], pages).added).toEqual(['/a/#one', '/old/']);
  });
  it('round-trips the committed list, sorted and with its header', () => {
    const text = formatUrlList(['/b/', '/a/', '/a/']);
    expect(text.startsWith('# Every public URL')).toBe(true);
    expect(parseUrlList(text)).toEqual(['/a/', '/b/']);
  });
});

describe('ticket text', () => {
  const input = {
    title: 'stopped-server: The run stopped on a server-side failure',
    codes: ['stopped-server'],
    fix: 'Step 7: stopped-server with failed-creation-via-web-services',
    fixUrl: 'https://help.contoso.local/steps/stopped-server-failed-creation/',
    url: 'https://help.contoso.local/codes/stopped-server/',
    labels: { code: 'Code', codes: 'Codes', fix: 'Fix' },
  };
  it('gives title, code, the fix in one line and the URL as plain text', () => {
    expect(ticketText(input)).toMatchInlineSnapshot(`
      "stopped-server: The run stopped on a server-side failure
      Code: stopped-server
      Fix: Step 7: stopped-server with failed-creation-via-web-services (https://help.contoso.local/steps/stopped-server-failed-creation/)
      https://help.contoso.local/codes/stopped-server/"
    `);
  });
  it('gives the same as Markdown, escaping what Markdown would read as markup', () => {
    const md = ticketMarkdown({ ...input, title: 'a_b [c]' });
    expect(md).toBe(
      '**[a\\_b \\[c\\]](https://help.contoso.local/codes/stopped-server/)**  \nCode: `stopped-server`  \nFix: [Step 7: stopped-server with failed-creation-via-web-services](https://help.contoso.local/steps/stopped-server-failed-creation/)',
    );
  });
});

describe('feedback link', () => {
  const p = {
    title: 'stopped-server',
    url: 'https://h/codes/stopped-server/',
    helpful: false,
    subject: 'Feedback on',
  };
  it('prefills a mail by default', () => {
    expect(feedbackHref(undefined, p)).toBe(
      'mailto:?subject=Feedback%20on%3A%20stopped-server%20(-1)&body=https%3A%2F%2Fh%2Fcodes%2Fstopped-server%2F%0A%0A',
    );
  });
  it('fills an issue-form template', () => {
    expect(feedbackHref('https://tickets.local/new?t={title}&u={url}&h={helpful}', p)).toBe(
      'https://tickets.local/new?t=stopped-server&u=https%3A%2F%2Fh%2Fcodes%2Fstopped-server%2F&h=no',
    );
  });
  it('rejects a target that is neither mail nor web', () => {
    expect(() => feedbackHref('javascript:alert(1)', p)).toThrow(/FEEDBACK_URL/);
  });
});
