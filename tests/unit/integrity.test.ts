import { describe, expect, it } from 'vitest';
import { checkIntegrity, ContentIntegrityError, type IntegrityInput } from '../../src/lib/integrity';

function sound(): IntegrityInput {
  return {
    codes: [
      {
        file: 'content/codes/run-status/stopped-server.yaml',
        slug: 'stopped-server',
        code: 'stopped-server',
        kind: 'run-status',
        steps: ['first'],
        aliases: [],
      },
      {
        file: 'content/codes/event-id/pcns-event-6025.yaml',
        slug: 'pcns-event-6025',
        code: '6025',
        kind: 'event-id',
        eventSource: 'PCNSSVC',
        steps: ['first'],
        aliases: [],
      },
    ],
    steps: [{ file: 'content/steps/en/first.mdx', slug: 'first', order: 1, codes: ['stopped-server'] }],
    stepsSv: [{ file: 'content/steps/sv/first.mdx', slug: 'first' }],
    releases: [{ file: 'content/releases/sync-service/4.6.607.0.yaml' }],
    files: {
      codes: ['content/codes/run-status/stopped-server.yaml', 'content/codes/event-id/pcns-event-6025.yaml'],
      steps: ['content/steps/en/first.mdx'],
      stepsSv: ['content/steps/sv/first.mdx'],
      releases: ['content/releases/sync-service/4.6.607.0.yaml'],
    },
  };
}

describe('checkIntegrity', () => {
  it('finds nothing wrong with sound content', () => {
    expect(checkIntegrity(sound())).toEqual([]);
  });

  it('fails when a code references a missing step', () => {
    const c = sound();
    c.codes[0].steps = ['first', 'nope'];
    expect(checkIntegrity(c)).toMatchInlineSnapshot(`
      [
        "content/codes/run-status/stopped-server.yaml: field "steps[1]" refers to step "nope", which does not exist.
        Fix: use one of: first; or create content/steps/en/nope.mdx.",
      ]
    `);
  });

  it('fails when a step references a missing code', () => {
    const c = sound();
    c.steps[0].codes = ['stopped-serve'];
    expect(checkIntegrity(c)[0]).toMatch(
      /^content\/steps\/en\/first\.mdx: field "codes\[0\]" refers to code "stopped-serve", which does not exist\./,
    );
  });

  it('fails on a duplicate code and names both files', () => {
    const c = sound();
    c.codes.push({ ...c.codes[0], file: 'content/codes/run-error/stopped-server.yaml' });
    c.files.codes.push('content/codes/run-error/stopped-server.yaml');
    const problems = checkIntegrity(c);
    expect(problems.join('\n')).toContain(
      'field "code" repeats "stopped-server" (run-status), which content/codes/run-status/stopped-server.yaml already defines',
    );
  });

  it('allows one event number from two sources', () => {
    const c = sound();
    c.codes.push({
      file: 'content/codes/event-id/sync-event-6025.yaml',
      slug: 'sync-event-6025',
      code: '6025',
      kind: 'event-id',
      eventSource: 'FIMSynchronizationService',
      steps: ['first'],
      aliases: [],
    });
    c.files.codes.push('content/codes/event-id/sync-event-6025.yaml');
    expect(checkIntegrity(c)).toEqual([]);
  });

  it('fails when a file name does not match its code', () => {
    const c = sound();
    c.codes[0].slug = 'stopped-srv';
    expect(checkIntegrity(c)[0]).toContain(
      'field "code" is "stopped-server" but the file is named "stopped-srv"',
    );
  });

  it('fails on an empty collection with the folder and the fix', () => {
    const c = sound();
    c.releases = [];
    c.files.releases = [];
    expect(checkIntegrity(c)).toMatchInlineSnapshot(`
      [
        "content/releases/: the collection is empty, and the site cannot be built without it.
        Fix: add at least one build, content/releases/<line>/<version>.yaml.",
      ]
    `);
  });

  it('reports a YAML file the loader skipped, with the parser message', () => {
    const c = sound();
    c.files.codes.push('content/codes/run-error/broken.yaml');
    const problems = checkIntegrity({
      ...c,
      parseError: () => 'line 3, column 1: Unexpected end of flow sequence',
    });
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/codes/run-error/broken.yaml: the file is not valid YAML, so it was not loaded.
        line 3, column 1: Unexpected end of flow sequence
        Fix: correct the syntax at that line (quote text that contains ": " or starts with a special character).",
      ]
    `);
  });

  it('fails when a step has no Swedish translation', () => {
    const c = sound();
    c.stepsSv = [];
    c.files.stepsSv = [];
    expect(checkIntegrity(c)[0]).toContain(
      'content/steps/en/first.mdx: the Swedish translation is missing.\n  Fix: add content/steps/sv/first.mdx',
    );
  });

  it('fails when an alias shadows another code', () => {
    const c = sound();
    c.codes[1].aliases = ['Stopped\u2011Server'];
    expect(checkIntegrity(c)[0]).toContain(
      'field "aliases[0]" ("Stopped\u2011Server") is already a code or alias in content/codes/run-status/stopped-server.yaml',
    );
  });

  it('fails when an exception class is listed on two codes, naming both files and the field', () => {
    const c = sound();
    c.codes[0]!.exceptions = ['ServerDownException'];
    expect(checkIntegrity(c)).toEqual([]);
    c.codes[1]!.exceptions = ['UnexpectedDataException', 'ServerDownException'];
    const problems = checkIntegrity(c);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content/codes/event-id/pcns-event-6025.yaml: field "exceptions[1]" ("ServerDownException") is already listed in content/codes/run-status/stopped-server.yaml.',
    );
    expect(problems[0]).toContain('Fix: an exception class leads the lookup to one code only');
  });

  it('fails when two steps share a position in the guide', () => {
    const c = sound();
    c.steps.push({ file: 'content/steps/en/second.mdx', slug: 'second', order: 1, codes: [] });
    c.stepsSv.push({ file: 'content/steps/sv/second.mdx', slug: 'second' });
    expect(checkIntegrity(c)[0]).toContain('field "order" is 1, the same as content/steps/en/first.mdx');
  });

  it('joins every problem into one error message', () => {
    const e = new ContentIntegrityError(['a', 'b']);
    expect(e.message).toBe('The content has 2 problems:\n\n- a\n\n- b');
  });
});
