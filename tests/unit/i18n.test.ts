import { describe, expect, it } from 'vitest';
import { UI, t } from '../../src/i18n';
import { localizedPath, splitLocalizedPath } from '../../src/lib/urls';
import { siteBase, siteUrl } from '../../src/lib/site-config';
import { inlineParts, plainText } from '../../src/lib/inline';

describe('UI strings', () => {
  it('has a non-empty Swedish string for every English key', () => {
    for (const key of Object.keys(UI.en) as (keyof typeof UI.en)[]) {
      expect(UI.sv[key], key).toBeTruthy();
    }
    expect(Object.keys(UI.sv).sort()).toEqual(Object.keys(UI.en).sort());
  });
  it('fills placeholders', () => {
    expect(t('sv', 'catalog.count', { n: 175 })).toBe('175 koder');
  });
});

describe('localized URLs', () => {
  it('builds paths with base and language prefix', () => {
    expect(localizedPath('/', 'en', '')).toBe('/');
    expect(localizedPath('/', 'sv', '')).toBe('/sv/');
    expect(localizedPath('/mim-help/', 'sv', 'codes/pcns-event-6025')).toBe(
      '/mim-help/sv/codes/pcns-event-6025/',
    );
    expect(localizedPath('/mim-help', 'en', '/steps/x/')).toBe('/mim-help/steps/x/');
  });
  it('splits a path back into language and page, so the switcher keeps the page', () => {
    expect(splitLocalizedPath('/mim-help/', '/mim-help/sv/codes/6025/')).toEqual({
      lang: 'sv',
      pagePath: 'codes/6025',
    });
    expect(splitLocalizedPath('/', '/steps/x/')).toEqual({ lang: 'en', pagePath: 'steps/x' });
    expect(splitLocalizedPath('/', '/svenska/')).toEqual({ lang: 'en', pagePath: 'svenska' });
  });
});

describe('site configuration', () => {
  it('normalizes SITE_BASE and rejects unsafe segments', () => {
    expect(siteBase(undefined)).toBe('/');
    expect(siteBase('mim-help')).toBe('/mim-help/');
    expect(siteBase('/a/b/')).toBe('/a/b/');
    expect(() => siteBase('/../etc')).toThrow(/unsafe path segment ".."/);
    expect(() => siteBase('/a b/')).toThrow(/SITE_BASE/);
  });
  it('reads SITE_URL as an origin and explains a bad value', () => {
    expect(siteUrl(undefined)).toBe('http://localhost:4321');
    expect(siteUrl('https://help.contoso.local/some/path')).toBe('https://help.contoso.local');
    expect(() => siteUrl('help.contoso.local')).toThrow(/SITE_URL="help.contoso.local" is not a URL/);
    expect(() => siteUrl('ftp://x')).toThrow(/http/);
  });
});

describe('inline markup in YAML text', () => {
  it('splits backticks into code parts and keeps everything else as text', () => {
    expect(inlineParts('Run `setspn -L <account>` & <b>check</b>')).toEqual([
      { text: 'Run ', code: false },
      { text: 'setspn -L <account>', code: true },
      { text: ' & <b>check</b>', code: false },
    ]);
    expect(inlineParts('`a``b` c')).toEqual([
      { text: 'a', code: true },
      { text: 'b', code: true },
      { text: ' c', code: false },
    ]);
    expect(inlineParts('an unclosed ` stays text')).toEqual([
      { text: 'an unclosed ` stays text', code: false },
    ]);
    expect(plainText('Run `setspn -X`')).toBe('Run setspn -X');
  });
});
