import { describe, expect, it } from 'vitest';
import { foldHyphens, isKebabId, normalizeCode, parseHresult } from '../../src/lib/codes';

// Real strings as MIM admins meet them: Operations tab, run history XML, Event Viewer,
// Microsoft Learn (which prints codes with U+2011), .NET exceptions and err.exe output.
const cases: [string, string, string][] = [
  ['a run status as typed', 'stopped-extension-dll-exception', 'stopped-extension-dll-exception'],
  ['upper case', 'STOPPED-SERVER', 'stopped-server'],
  ['surrounding spaces', '   stopped-server  ', 'stopped-server'],
  [
    'non-breaking hyphens from Microsoft Learn',
    'stopped\u2011extension\u2011dll\u2011exception',
    'stopped-extension-dll-exception',
  ],
  ['a Unicode hyphen', 'extension\u2010dll\u2010exception', 'extension-dll-exception'],
  ['a figure dash', 'cd\u2012error', 'cd-error'],
  ['an en dash', 'failed\u2013connection', 'failed-connection'],
  ['an em dash', 'failed\u2014connection', 'failed-connection'],
  ['a horizontal bar', 'failed\u2015search', 'failed-search'],
  ['a minus sign', 'no\u2212start\u2212connection', 'no-start-connection'],
  ['a soft hyphen inside a word', 'stopped-ser\u00ADver', 'stopped-ser-ver'],
  ['a soft hyphen beside a hyphen', 'stopped-\u00ADserver', 'stopped-server'],
  ['spaces in place of hyphens', 'stopped server down', 'stopped-server-down'],
  ['underscores', 'failed_creation_via_web_services', 'failed-creation-via-web-services'],
  ['a zero-width space', 'stopped-\u200Bserver', 'stopped-server'],
  ['right-to-left marks', '\u200Fstopped-server\u200F', 'stopped-server'],
  ['quotes around it', '"stopped-server"', 'stopped-server'],
  ['a trailing full stop', 'stopped-server.', 'stopped-server'],
  ['fullwidth letters', 'ｓｔｏｐｐｅｄ-server', 'stopped-server'],
  ['an event ID', '6025', '6025'],
  ['Event ID 6025', 'Event ID 6025', '6025'],
  ['EventID: 6025', 'EventID: 6025', '6025'],
  ['event 6025', 'event 6025', '6025'],
  ['Swedish händelse-ID 6025', 'händelse-ID 6025', '6025'],
  ['Swedish Händelse-ID: 6301', 'Händelse-ID: 6301', '6301'],
  ['event id with hash', 'event id #6801', '6801'],
  ['an HRESULT with 0x', '0x8023063D', '0x8023063d'],
  ['an HRESULT in lower case', '0x8023063d', '0x8023063d'],
  ['an HRESULT without 0x', '8023063d', '0x8023063d'],
  ['an HRESULT in unsigned decimal', '2149779005', '0x8023063d'],
  ['an HRESULT in signed decimal', '-2145188291', '0x8023063d'],
  ['a signed HRESULT with a Unicode minus', '\u22122145188291', '0x8023063d'],
  ['HRESULT: prefix', 'HRESULT: 0x80230304', '0x80230304'],
  ['hr= prefix', 'hresult=0x80004005', '0x80004005'],
  ['E_FAIL in signed decimal', '-2147467259', '0x80004005'],
  ['a short 0x value padded', '0x5', '0x00000005'],
  ['an object error', 'failed-creation-via-web-services', 'failed-creation-via-web-services'],
  ['an empty string', '', ''],
  ['only spaces', '    ', ''],
  ['only dashes', '\u2011\u2011', ''],
];

describe('normalizeCode', () => {
  it.each(cases)('normalizes %s', (_name, input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it('is idempotent on every canonical form', () => {
    for (const [, , expected] of cases) expect(normalizeCode(expected)).toBe(expected);
  });

  it('does not read an ordinary eight-digit decimal as an HRESULT', () => {
    expect(normalizeCode('12345678')).toBe('12345678');
  });

  it('does not read an out-of-range decimal as an HRESULT', () => {
    expect(normalizeCode('5000000000')).toBe('5000000000');
    expect(normalizeCode('-3000000000')).not.toMatch(/^0x/);
  });

  it('keeps a stray hyphen from becoming a code separator at the ends', () => {
    expect(normalizeCode('-stopped-server-')).toBe('stopped-server');
  });
});

describe('parseHresult', () => {
  it('reads every written form of the same value', () => {
    const forms = ['0x8023063D', '8023063d', '2149779005', '-2145188291'];
    expect(new Set(forms.map(parseHresult))).toEqual(new Set(['0x8023063d']));
  });
  it('rejects numbers that are not failure HRESULTs', () => {
    expect(parseHresult('6025')).toBeUndefined();
    expect(parseHresult('2147483647')).toBeUndefined();
    expect(parseHresult('0x123456789')).toBeUndefined();
    expect(parseHresult('-0')).toBeUndefined();
  });
});

describe('foldHyphens and isKebabId', () => {
  it('folds every dash in U+2010 to U+2015 and U+2212', () => {
    expect(foldHyphens('a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h')).toBe('a-b-c-d-e-f-g-h');
  });
  it('accepts kebab-case ids and rejects others', () => {
    expect(isKebabId('pcns-event-6025')).toBe(true);
    expect(isKebabId('0x8023063d')).toBe(true);
    expect(isKebabId('Stopped-Server')).toBe(false);
    expect(isKebabId('double--hyphen')).toBe(false);
    expect(isKebabId('-lead')).toBe(false);
  });
});
