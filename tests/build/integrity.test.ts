/**
 * Broken-content scenarios: copies of the valid fixture with mistakes. The build must fail, and
 * its output must name the file and the field and say how to fix it.
 *
 * One build per stage that stops the build. Astro's content layer stops at the first file it
 * cannot parse or validate (a YAML syntax error, a schema violation), so each of those is a build
 * of its own. The cross-file rules (src/lib/integrity.ts) collect every problem and throw once
 * (src/data/catalog.ts), so their mistakes share one build, whose output must name each of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, type Site } from './harness';

let site: Site | undefined;
afterEach(() => site?.remove());

function broken(edit: (s: Site) => void) {
  site = makeSite('valid-minimal');
  edit(site);
  const r = site.build();
  expect(r.ok, r.output).toBe(false);
  return r.output;
}

const edit = (s: Site, file: string, from: string, to: string) => {
  const text = s.read(file);
  expect(text, `${file} holds ${from}`).toContain(from);
  s.write(file, text.replace(from, to));
};

describe('content integrity at build time', () => {
  it('fails the build on a schema violation, naming the file and the field', () => {
    const out = broken((s) =>
      edit(
        s,
        'content/codes/run-status/stopped-server.yaml',
        'summary: {en: The fixture run status., sv: Testets körstatus.}',
        'summary: {en: The fixture run status.}',
      ),
    );
    expect(out).toContain('content/codes/run-status/stopped-server.yaml');
    expect(out).toMatch(/summary\.sv/);
    expect(out).toContain('the Swedish text (sv) is missing: add an "sv:" line beside "en:"');
  });

  it('fails the build when an HRESULT is left unquoted in YAML', () => {
    const out = broken((s) =>
      edit(s, 'content/steps/en/first-step.mdx', 'codes: [stopped-server]', 'codes: [0x8023063d]'),
    );
    expect(out).toContain('content/steps/en/first-step.mdx');
    expect(out).toContain('YAML read it as a number: put it in quotes');
  });

  it('fails the build on a YAML syntax error, naming the file and the line', () => {
    const out = broken((s) =>
      s.write(
        'content/codes/run-status/stopped-server.yaml',
        'code: stopped-server\ntitle: {en: "unclosed\nkind: run-status\n',
      ),
    );
    expect(out).toContain('content/codes/run-status/stopped-server.yaml');
    expect(out).toMatch(/line|:\d+:\d+/i);
  });

  it('reports every cross-file mistake of one build together, each with its file, field and fix', () => {
    const out = broken((s) => {
      // A duplicate code, in a second folder.
      s.write(
        'content/codes/run-error/stopped-server.yaml',
        s.read('content/codes/run-status/stopped-server.yaml'),
      );
      // A code that references a missing step, and a step that references a missing code.
      edit(s, 'content/codes/hresult/0x8023063d.yaml', 'steps: [first-step]', 'steps: [first-stepp]');
      edit(s, 'content/steps/en/first-step.mdx', 'codes: [stopped-server]', 'codes: [stopped-servr]');
      // An empty collection, and a step without its Swedish translation.
      s.write('content/releases/sync-service/4.6.607.0.yaml', null);
      s.write('content/steps/sv/second-step.mdx', null);
    });
    expect(out).toMatch(/The content has \d+ problems:/);
    expect(out).toMatch(
      /content\/codes\/run-(error|status)\/stopped-server\.yaml: [^\n]*already (used|defines)[^\n]*\n\s+Fix: /,
    );
    expect(out).toContain(
      'content/codes/hresult/0x8023063d.yaml: field "steps[0]" refers to step "first-stepp", which does not exist.',
    );
    expect(out).toContain('Fix: use one of: first-step, second-step');
    expect(out).toContain(
      'content/steps/en/first-step.mdx: field "codes[0]" refers to code "stopped-servr", which does not exist.',
    );
    expect(out).toContain('content/releases/: the collection is empty');
    expect(out).toContain('Fix: add at least one build');
    expect(out).toContain('content/steps/en/second-step.mdx: the Swedish translation is missing.');
  });
});
