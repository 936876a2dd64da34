/**
 * A step's h2/h3 headings as page words (src/lib/reader/messages.ts, stepHeadings and
 * situationHeadings; src/lib/lookup-data.ts): they name the situations a step covers, in both
 * languages, and the page template's own headings give no words. Page words stay the weakest
 * evidence: a heading never beats a code written in the paste.
 */
import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../src/schemas/code';
import { buildLookupData, type LookupStep } from '../../src/lib/lookup-data';
import {
  readPaste,
  situationHeadings,
  stepHeadings,
  unpackMessages,
  type Candidate,
} from '../../src/lib/paste';
import { stem } from '../../src/lib/reader/words';
import { byLang } from './lookup-catalog';

describe('the headings of a step body', () => {
  it('are its h2 and h3 lines as plain text, in order', () => {
    const body = [
      'Intro text.',
      '## Likely causes',
      '### The [MA account](/codes/permission-issue/) may **not** do it',
      '#### A deeper heading is not one',
      '# Nor is a page title',
      '### `stopped-server` with <abbr>SQL</abbr> down {#sql-down}',
      '##No space, no heading',
    ].join('\n');
    expect(stepHeadings(body)).toEqual([
      'Likely causes',
      'The MA account may not do it',
      'stopped-server with SQL down',
    ]);
  });
  it('skips fenced code, where # starts a comment', () => {
    const body = [
      '## Checks',
      '```powershell',
      '## not a heading',
      '```',
      '~~~text',
      '### nor this',
      '~~~',
      '### Fix it',
    ];
    expect(stepHeadings(body.join('\n'))).toEqual(['Checks', 'Fix it']);
  });
});

describe('the headings that name a situation', () => {
  it('drop the headings most steps share, in any case, and keep the rest', () => {
    expect(
      situationHeadings([
        ['Symptoms', 'Password export', 'Verify'],
        ['symptoms', 'Verify', 'Lotus Notes MA'],
        ['Symptoms'],
      ]),
    ).toEqual([['Password export'], ['Lotus Notes MA'], []]);
  });
  it('keep a heading that half the steps or fewer have', () => {
    expect(situationHeadings([['Fix'], ['Fix'], ['Verify'], []])).toEqual([['Fix'], ['Fix'], ['Verify'], []]);
  });
});

/** A small catalog: one code, and steps whose headings name situations in English and Swedish. */
const code = codeSchema.parse({
  code: 'stopped-server',
  kind: 'run-status',
  category: 'stopped',
  component: 'sync-engine',
  title: { en: 'The server stopped the run', sv: 'Servern stoppade körningen' },
  summary: { en: 'The run stopped on a server error.', sv: 'Körningen stoppades av ett serverfel.' },
  appearsIn: [{ en: 'Operations', sv: 'Operations' }],
  steps: ['export-errors'],
  sources: [{ title: 'Test', url: 'https://example.com/' }],
  lastReviewed: '2026-12-03',
});
const template = {
  en: '## Symptoms\n\n## Fix\n\n## Verify\n',
  sv: '## Symtom\n\n## Åtgärd\n\n## Verifiera\n',
};
const step = (slug: string, title: string, en: string, sv: string): LookupStep => ({
  slug,
  title: { en: title, sv: title },
  summary: { en: 'Read the error and correct it.', sv: 'Läs felet och rätta det.' },
  body: { en: template.en + en, sv: template.sv + sv },
});
const steps = [
  step(
    'export-errors',
    'Export errors',
    '### Lotus Notes certifier password\n### Server database offline',
    '### Lösenord för Lotus Notes-certifierare\n### Serverdatabasen är offline',
  ),
  step('import-errors', 'Import errors', '### Delta records', '### Deltaposter'),
  step('run-profile', 'Run profiles', '### Something else is running', '### Något annat körs'),
];
const reader = (lang: 'en' | 'sv', withBodies = true) => {
  const { index, messages } = buildLookupData(
    [{ slug: 'stopped-server', data: code }],
    withBodies ? steps : steps.map(({ body: _body, ...s }) => s),
    lang,
  );
  const m = unpackMessages(messages);
  return (text: string) => readPaste(text, index, m).candidates;
};
const name = (c: Candidate | undefined) =>
  !c
    ? undefined
    : c.target.type === 'code'
      ? c.target.entry.s
      : c.target.type === 'step'
        ? c.target.slug
        : '';

describe('step headings in the lookup', () => {
  it('find a step by the words of its headings, which its title and summary lack', () => {
    const paste = 'the lotus notes certifier password was refused again';
    expect(name(reader('en', false)(paste)[0])).not.toBe('export-errors');
    expect(name(reader('en')(paste)[0])).toBe('export-errors');
  });
  it('find it by the Swedish headings on the Swedish lookup', () => {
    const paste = 'lösenordet för lotus notes-certifieraren nekades igen';
    expect(name(reader('sv', false)(paste)[0])).not.toBe('export-errors');
    expect(name(reader('sv')(paste)[0])).toBe('export-errors');
  });
  it('give no step the words of the template’s headings, in either language', () => {
    const { messages } = buildLookupData([{ slug: 'stopped-server', data: code }], steps, 'en');
    const words = new Set(messages.s.flatMap(([, , stems]) => stems.split(/\s+/)));
    expect(words).toContain(stem('certifier'));
    expect(words).toContain(stem('deltaposter'));
    for (const w of ['symptoms', 'fix', 'verify', 'symtom', 'åtgärd', 'verifiera'])
      expect(words, w).not.toContain(stem(w));
  });
  it('never beat a code written in the paste, even when every other word is a heading’s', () => {
    const cs = reader('en')('stopped-server: server database offline');
    expect(name(cs[0])).toBe('stopped-server');
    expect(cs.map(name)).toContain('export-errors');
  });
});

describe('step headings on the real catalog', () => {
  const first = (text: string, lang: 'en' | 'sv') => {
    const { index, messages } = byLang[lang];
    return name(readPaste(text, index, messages).candidates[0]);
  };
  it('leave an exact code first when the paste also carries a step’s heading words', () => {
    // "Lotus Notes MA" and "Password export" are headings of export-errors-and-permissions.
    expect(first('cd-missing-object during the password export on the Lotus Notes MA', 'en')).toBe(
      'cd-missing-object',
    );
    expect(first('cd-missing-object vid lösenordsexport på Lotus Notes-MA:n', 'sv')).toBe(
      'cd-missing-object',
    );
  });
});
