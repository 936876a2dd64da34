/**
 * Each broken-content scenario is a copy of the valid fixture with one mistake. The build must
 * fail, and its output must name the file and the field and say how to fix it.
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

describe('content integrity at build time', () => {
  it('fails the build on a schema violation, naming the file and the field', () => {
    const out = broken((s) => {
      const f = 'content/codes/run-status/stopped-server.yaml';
      s.write(
        f,
        s
          .read(f)
          .replace(
            'summary: {en: The fixture run status., sv: Testets körstatus.}',
            'summary: {en: The fixture run status.}',
          ),
      );
    });
    expect(out).toContain('content/codes/run-status/stopped-server.yaml');
    expect(out).toMatch(/summary\.sv/);
    expect(out).toContain('the Swedish text (sv) is missing: add an "sv:" line beside "en:"');
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

  it('fails the build on a duplicate code', () => {
    const out = broken((s) =>
      s.write(
        'content/codes/run-error/stopped-server.yaml',
        s.read('content/codes/run-status/stopped-server.yaml'),
      ),
    );
    expect(out).toMatch(/content\/codes\/run-(error|status)\/stopped-server\.yaml/);
    expect(out).toMatch(/already (used|defines)/);
    expect(out).toContain('Fix:');
  });

  it('fails the build when a code references a missing step', () => {
    const out = broken((s) => {
      const f = 'content/codes/run-status/stopped-server.yaml';
      s.write(f, s.read(f).replace('steps: [first-step]', 'steps: [first-stepp]'));
    });
    expect(out).toContain(
      'content/codes/run-status/stopped-server.yaml: field "steps[0]" refers to step "first-stepp", which does not exist.',
    );
    expect(out).toContain('Fix: use one of: first-step, second-step');
  });

  it('fails the build when a step references a missing code', () => {
    const out = broken((s) => {
      const f = 'content/steps/en/first-step.mdx';
      s.write(f, s.read(f).replace('codes: [stopped-server]', 'codes: [stopped-servr]'));
    });
    expect(out).toContain(
      'content/steps/en/first-step.mdx: field "codes[0]" refers to code "stopped-servr", which does not exist.',
    );
  });

  it('fails the build on an empty collection', () => {
    const out = broken((s) => s.write('content/releases/sync-service/4.6.607.0.yaml', null));
    expect(out).toContain('content/releases/: the collection is empty');
    expect(out).toContain('Fix: add at least one build');
  });

  it('fails the build when a Swedish translation is missing', () => {
    const out = broken((s) => s.write('content/steps/sv/second-step.mdx', null));
    expect(out).toContain('content/steps/en/second-step.mdx: the Swedish translation is missing.');
  });

  it('fails the build when an HRESULT is left unquoted in YAML', () => {
    const out = broken((s) => {
      const f = 'content/steps/en/first-step.mdx';
      s.write(f, s.read(f).replace('codes: [stopped-server]', 'codes: [0x8023063d]'));
    });
    expect(out).toContain('content/steps/en/first-step.mdx');
    expect(out).toContain('YAML read it as a number: put it in quotes');
  });
});
