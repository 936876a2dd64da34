/**
 * An exception class of the extension API named in a paste (`exceptions:` in content): the code
 * it causes ranks first, bare or as Microsoft.MetadirectoryServices.<Class>, in a stack trace or
 * in a sentence, unless an HRESULT or an object-level error in the same paste is more specific.
 * Another namespace, an unknown class, a generic System.* exception and a class name inside a
 * longer identifier are not read.
 */
import { describe, expect, it } from 'vitest';
import { buildLookupIndex, packIndex, unpackIndex } from '../../src/lib/lookup';
import { packMessages, readPaste, unpackMessages } from '../../src/lib/paste';
import { codeFile, schemaIssues } from './code-file';
import { src } from './index-source';

const index = buildLookupIndex([
  src('stopped-unexpected-data', 'stopped-unexpected-data', 'run-status', {
    exceptions: ['UnexpectedDataException'],
  }),
  src('stopped-server-down', 'stopped-server-down', 'run-status', { exceptions: ['ServerDownException'] }),
  src('extension-dll-exception', 'extension-dll-exception', 'run-error', {
    exceptions: ['ObjectAlreadyExistsException'],
  }),
  src('stopped-extension-dll-exception', 'stopped-extension-dll-exception', 'run-status'),
  src('cd-error', 'cd-error', 'run-error'),
  src('0x80070005', '0x80070005', 'hresult'),
]);
// The product's message for the generic status, so that a stack trace also matches a message.
const messages = unpackMessages(
  packMessages(
    [
      {
        slug: 'stopped-extension-dll-exception',
        messages: ['The extension threw an exception while the run was stopping'],
        words: [],
      },
    ],
    [],
  ),
);
const read = (text: string) => readPaste(text, index, messages).candidates;
const first = (text: string) => {
  const c = read(text)[0];
  return c?.target.type === 'code' ? c.target.entry.s : c?.target.type;
};
const byException = (text: string) =>
  read(text)
    .filter((c) => c.reason.kind === 'exception' && c.target.type === 'code')
    .map((c) => (c.target.type === 'code' ? c.target.entry.s : ''));

describe('an exception class named in a paste', () => {
  it('quotes the class as the paste wrote it, not lower-cased', () => {
    const c = read('Error: Microsoft.MetadirectoryServices.ServerDownException at line 4')[0];
    expect(c?.reason).toMatchObject({
      kind: 'exception',
      text: 'Microsoft.MetadirectoryServices.ServerDownException',
    });
  });

  it('leads to the code that lists it, bare, namespaced, in a sentence or in any case', () => {
    expect(first('UnexpectedDataException')).toBe('stopped-unexpected-data');
    expect(first('Microsoft.MetadirectoryServices.UnexpectedDataException: bad value')).toBe(
      'stopped-unexpected-data',
    );
    expect(
      first(
        'The UnexpectedDataException exception is thrown by an extension when unexpected data is encountered.',
      ),
    ).toBe('stopped-unexpected-data');
    expect(first('we get a serverdownexception from the connector every night')).toBe('stopped-server-down');
  });

  it('ranks first in a stack trace, above the generic status and its message', () => {
    const trace = [
      'The extension threw an exception while the run was stopping.',
      'Microsoft.MetadirectoryServices.ServerDownException: Unable to connect to the server',
      '   at Contoso.Connector.Connect(KeyedCollection`2 configParameters)',
    ].join('\n');
    const ranked = read(trace).map((c) => (c.target.type === 'code' ? c.target.entry.s : ''));
    expect(ranked[0]).toBe('stopped-server-down');
    expect(ranked).toContain('stopped-extension-dll-exception');
  });

  it('yields to an HRESULT or an object-level error in the same paste', () => {
    expect(first('ServerDownException (Exception from HRESULT: 0x80070005)')).toBe('0x80070005');
    expect(first('cd-error: Microsoft.MetadirectoryServices.UnexpectedDataException: bad value')).toBe(
      'cd-error',
    );
    // Still a candidate, only not the first.
    expect(byException('cd-error: UnexpectedDataException')).toEqual(['stopped-unexpected-data']);
  });

  it('maps an object-level exception to its run error', () => {
    expect(
      first('Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN "CN=x"'),
    ).toBe('extension-dll-exception');
  });

  it('does not read another namespace, an unknown class or a generic System exception', () => {
    expect(byException('Contoso.Sync.UnexpectedDataException: bad value')).toEqual([]);
    expect(byException('System.UnexpectedDataException')).toEqual([]);
    expect(byException('Microsoft.MetadirectoryServices.NoSuchThingException: x')).toEqual([]);
    expect(
      byException('System.NullReferenceException: Object reference not set to an instance of an object.'),
    ).toEqual([]);
    expect(byException('System.Data.SqlClient.SqlException: Timeout expired')).toEqual([]);
  });

  it('does not read a class name inside a longer identifier', () => {
    expect(byException('MyUnexpectedDataExceptionHandler failed')).toEqual([]);
    expect(byException('NotAnUnexpectedDataException was thrown')).toEqual([]);
    expect(byException('ServerDownExceptions are retried')).toEqual([]);
    expect(byException('ServerDownException_Count = 3')).toEqual([]);
  });

  it('keeps the classes through the packed map the browser downloads', () => {
    const packed = packIndex(index);
    expect(packed.e[0]?.[8]).toEqual(['unexpecteddataexception']);
    expect(packed.e[3]?.length).toBeLessThan(9);
    expect(unpackIndex(packed)).toEqual(index);
  });
});

describe('exceptions in content', () => {
  const data = codeFile('run-status/stopped-unexpected-data.yaml');
  const issues = schemaIssues;
  it('is a list of class names, PascalCase, ending in Exception, without a namespace', () => {
    expect(issues(data)).toEqual([]);
    expect(data.exceptions).toEqual(['UnexpectedDataException']);
    for (const bad of [
      'Microsoft.MetadirectoryServices.UnexpectedDataException',
      'unexpectedDataException',
      'UnexpectedData',
      'Exception',
      'COMException',
    ])
      expect(issues({ ...data, exceptions: [bad] }), bad).toEqual([
        expect.stringMatching(
          /^exceptions\.0: an exception is a class name alone, PascalCase and ending in Exception/,
        ),
      ]);
  });
  it('names each class once', () => {
    expect(issues({ ...data, exceptions: ['UnexpectedDataException', 'UnexpectedDataException'] })).toEqual([
      'exceptions: list each exception class once',
    ]);
  });
});
