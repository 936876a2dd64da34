import { describe, expect, it } from 'vitest';
import { idList } from '../../src/lib/id-list';
import { APPLIES_TO, CODE_KINDS } from '../../src/lib/codes';

describe('idList', () => {
  it('splits a one-line list into its ids, in order', () => {
    expect(idList('run-status run-error hresult')).toEqual(['run-status', 'run-error', 'hresult']);
    expect(CODE_KINDS).toEqual(['run-status', 'run-error', 'object-error', 'event-id', 'hresult']);
    expect(APPLIES_TO[0]).toBe('mim-2016-sp3');
  });
  it('returns a frozen list, so no caller can change a shared enum', () => {
    expect(Object.isFrozen(idList('a b'))).toBe(true);
  });
  it('refuses an empty id, which a doubled or trailing space would make', () => {
    expect(() => idList('a  b')).toThrow(/empty id/);
    expect(() => idList('a b ')).toThrow(/empty id/);
  });
});
