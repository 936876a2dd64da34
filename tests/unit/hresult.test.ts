/**
 * decodeHresult on values that cannot be HRESULTs: a crash entry's "Exception code:" is an
 * NTSTATUS (bits 31 and 30 set, N bit clear, which [MS-ERREF] 2.1 forbids in an HRESULT), and
 * reading it as an HRESULT gives a facility and a Win32 error it does not have.
 */
import { describe, expect, it } from 'vitest';
import { decodeHresult } from '../../src/lib/hresult';

describe('decodeHresult and NTSTATUS-shaped values', () => {
  it('reads an access violation as an NTSTATUS with its name, not as an HRESULT facility', () => {
    const d = decodeHresult('0xc0000005');
    expect(d.ntstatus).toEqual({ customer: false });
    expect(d).toMatchObject({ facility: 0, code: 5, name: 'STATUS_ACCESS_VIOLATION' });
    expect(d.facilityName).toBeUndefined();
    expect(d.win32).toBeUndefined();
  });

  it('reads the CLR exception code as a customer NTSTATUS with a 12-bit facility', () => {
    const d = decodeHresult('0xe0434352');
    expect(d.ntstatus).toEqual({ customer: true });
    expect(d).toMatchObject({ facility: 0x043, code: 0x4352 });
    expect(d.name).toMatch(/^CLR exception/);
    expect(d.signed).toBe(-532462766);
  });

  it('gives an unnamed NTSTATUS no name rather than a guess', () => {
    const d = decodeHresult('0xc0000017');
    expect(d.ntstatus).toEqual({ customer: false });
    expect(d).toMatchObject({ facility: 0, code: 0x17 });
    expect(d.name).toBeUndefined();
  });

  it('leaves real HRESULTs alone, including NTSTATUS values mapped with the N bit', () => {
    // 0x8007xxxx and the metadirectory facility: plain HRESULTs.
    expect(decodeHresult('0x80070005').ntstatus).toBeUndefined();
    expect(decodeHresult('0x80070005').win32).toEqual({ code: 5, name: 'ERROR_ACCESS_DENIED' });
    expect(decodeHresult('0x8023063d').ntstatus).toBeUndefined();
    // HRESULT_FROM_NT(STATUS_ACCESS_VIOLATION) sets the N bit: an HRESULT, read as one.
    expect(decodeHresult('0xd0000005').ntstatus).toBeUndefined();
    // Severity bit alone, or the customer bit without bit 30: HRESULT layout.
    expect(decodeHresult('0xa0010001').ntstatus).toBeUndefined();
  });
});
