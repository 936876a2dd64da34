import { describe, expect, it } from 'vitest';
import { oncePer } from '../../src/lib/once';

describe('oncePer', () => {
  it('makes the value once per key and hands the same one back after', () => {
    const made: string[] = [];
    const get = oncePer((lang: string) => {
      made.push(lang);
      return { lang };
    });
    const en = get('en');
    expect(get('en')).toBe(en);
    expect(get('sv')).toEqual({ lang: 'sv' });
    expect(get('sv')).not.toBe(en);
    expect(made).toEqual(['en', 'sv']);
  });

  it('keeps a rejected promise too, so a failing build step fails every page the same way', async () => {
    let calls = 0;
    const get = oncePer(async () => {
      calls++;
      throw new Error('broken');
    });
    await expect(get('en')).rejects.toThrow('broken');
    await expect(get('en')).rejects.toThrow('broken');
    expect(calls).toBe(1);
  });
});
