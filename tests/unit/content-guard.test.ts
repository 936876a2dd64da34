import { describe, expect, it } from 'vitest';
import { checkRawContent } from '../../src/lib/content-guard';

const enc = new TextEncoder();
const file = (name: string, text: string | Uint8Array) => ({
  file: name,
  bytes: typeof text === 'string' ? enc.encode(text) : text,
});
const check = (name: string, text: string | Uint8Array) => checkRawContent([file(name, text)]);

const STEP = '---\ntitle: T\nlastReviewed: 2026-11-26\n---\n\n## Symptoms\n\nText.\n';

describe('raw content checks', () => {
  it('passes clean UTF-8 YAML and MDX, a BOM and CRLF included', () => {
    expect(
      check('content/codes/run-status/success.yaml', 'code: success\nlastReviewed: 2026-02-28\n'),
    ).toEqual([]);
    expect(check('content/steps/en/a-step.mdx', STEP)).toEqual([]);
    expect(
      check('content/codes/hresult/0x8023063d.yaml', '\uFEFFcode: "0x8023063d"\r\ndate: 2024-02\r\n'),
    ).toEqual([]);
    expect(check('content/releases/sync-service/4.6.607.0.yaml', 'version: 4.6.607.0\n')).toEqual([]);
  });

  it('fails a file saved in Windows-1252, naming the line and how to save it as UTF-8', () => {
    const bytes = new Uint8Array([
      ...enc.encode('code: x\nsummary:\n  sv: F'),
      0xf6,
      ...enc.encode('rs\xf6k\n'),
    ]);
    const [p] = check('content/codes/run-error/x.yaml', bytes);
    expect(p).toMatch(/^content\/codes\/run-error\/x\.yaml:3: the file is not UTF-8 \(byte 0xF6/);
    expect(p).toContain('Fix: save the file as UTF-8');
  });

  it('fails a file name with capitals or spaces and suggests the kebab-case name', () => {
    const [p] = check('content/codes/run-error/Ambiguous-Update.yaml', 'code: ambiguous-update\n');
    expect(p).toContain('"Ambiguous-Update.yaml" is not kebab-case');
    expect(p).toContain('rename it to "ambiguous-update.yaml"');
  });

  it('fails a date that does not exist instead of letting YAML roll it over', () => {
    expect(check('content/codes/run-error/x.yaml', 'lastReviewed: 2026-13-45\n')[0]).toMatch(
      /x\.yaml:1: lastReviewed "2026-13-45" is not a real date/,
    );
    expect(check('content/codes/run-error/x.yaml', "lastReviewed: '2026-02-30'\n")).toHaveLength(1);
    expect(check('content/releases/connectors/1.1.1.0.yaml', 'date: 2023-00\n')).toHaveLength(1);
    expect(check('content/steps/en/a.mdx', STEP.replace('2026-11-26', '2025-02-29'))[0]).toContain(
      ':3: lastReviewed',
    );
    // Real dates, a leap day included, pass; so does a date-like line in an MDX body.
    expect(check('content/codes/run-error/x.yaml', 'lastReviewed: 2024-02-29\n')).toEqual([]);
    expect(check('content/steps/en/a.mdx', `${STEP}\ndate: 2026-13-45\n`)).toEqual([]);
  });

  it('fails a merge-conflict marker left in a file', () => {
    const text = 'code: x\n<<<<<<< HEAD\n  en: a\n=======\n  en: b\n>>>>>>> main\n';
    const problems = check('content/codes/event-id/sync-event-6329.yaml', text);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/sync-event-6329\.yaml:2: a merge-conflict marker \("<<<<<<<"\)/);
  });

  it('fails characters that reverse the text on screen', () => {
    expect(check('content/codes/run-error/x.yaml', 'title:\n  en: "abc\u202Edef"\n')[0]).toContain('U+202E');
  });

  it.each([
    ['<script>alert(1)</script>', 'a raw <script> element'],
    ['<iframe srcdoc="x"></iframe>', 'a raw <iframe> element'],
    ['<img src="x" onerror="alert(1)" />', 'an event-handler attribute (onerror=)'],
    ['<span style="color:red">x</span>', 'a style="" attribute'],
    ['[click](javascript:alert(1))', 'a javascript: link'],
    ['[x](data:text/html,<b>x</b>)', 'a data: link'],
    ['<a href="javascript:void(0)">x</a>', 'a javascript: link'],
  ])('fails raw markup in an MDX body: %s', (markup, what) => {
    const [p] = check('content/steps/en/a.mdx', `${STEP}\n${markup}\n`);
    expect(p).toBe(
      `content/steps/en/a.mdx:10: ${what} in the page body. Pages are prose, links and code blocks; markup that can run script or restyle the page is not allowed (a host without our CSP would run it). Fix: remove it, or put it in a code block if it is an example.`,
    );
  });

  it('lets the same markup stand as an example in code blocks and inline code', () => {
    const body = '```html\n<script>alert(1)</script>\n```\n\nWrite `<a onclick="x">` nowhere.\n';
    expect(check('content/steps/en/a.mdx', `${STEP}\n${body}`)).toEqual([]);
  });
});
