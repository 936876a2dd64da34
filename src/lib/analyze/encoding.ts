/**
 * Encoding sniffing for a dropped file, from its first bytes, before anything is parsed: a BOM
 * (UTF-8, UTF-16LE from Windows PowerShell 5.1's Out-File, UTF-16BE), UTF-16 without a BOM
 * (ASCII interleaved with zero bytes), UTF-8 without a BOM (PowerShell 7), else ANSI (cp1252, from
 * Notepad or Get-Content on 5.1). An XML declaration is never trusted: run history says utf-16
 * whatever its bytes are. Binary files (.evtx, .zip) are recognised so the page can say what to do.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Sniffed {
  encoding: TextEncodingName;
  /** Bytes of BOM to skip. */
  bom: number;
  binary?: 'evtx' | 'zip' | 'binary';
}

export function sniffEncoding(b: Uint8Array): Sniffed {
  if (b.length >= 8 && String.fromCharCode(...b.subarray(0, 7)) === 'ElfFile' && b[7] === 0)
    return { encoding: 'utf-8', bom: 0, binary: 'evtx' };
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4)
    return { encoding: 'utf-8', bom: 0, binary: 'zip' };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(b.length, 4096) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (pairs >= 2 && evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  if (evenZero + oddZero > 0) return { encoding: 'utf-8', bom: 0, binary: 'binary' };
  // Valid UTF-8 in the sample means UTF-8 (ASCII is both); an invalid byte means ANSI.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 256 * 1024), { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}
