/**
 * The word model the lookup reads page words with (src/lib/reader/words.ts): stems, and compound
 * words split into the parts the pages use.
 */
import { describe, expect, it } from 'vitest';
import { compoundParts, stem, stemsOf } from '../../src/lib/reader/words';

/** A vocabulary made of the stems of some page words. */
const vocab = (...words: string[]) => stemsOf(words.join(' '));

describe('compound words', () => {
  const pages = vocab(
    'hantering agent konto disk utrymme felkod kör lösenord ändring proxy addresses',
    'ingen else word pass',
  );
  it('splits a Swedish compound into two known parts, after a linking s', () => {
    expect(compoundParts('hanteringsagenten', pages)).toEqual([stem('hantering'), stem('agent')]);
    expect(compoundParts('diskutrymmet', pages)).toEqual([stem('disk'), stem('utrymme')]);
    expect(compoundParts('körfelkoder', pages)).toEqual([stem('kör'), stem('felkoder')]);
    expect(compoundParts('lösenordsändring', pages)).toEqual([stem('lösenord'), stem('ändring')]);
  });
  it('splits an identifier written as one word', () => {
    expect(compoundParts('proxyaddresses', pages)).toEqual([stem('proxy'), stem('addresses')]);
  });
  it('splits each part again, so a compound of three or more words gives them all', () => {
    const words = vocab('exportaction export action convert', 'fel kör koder felkoder');
    expect(new Set(compoundParts('exportactionconvertupdatetoadd', words))).toEqual(
      new Set(['exportaction', 'convert', 'export', 'action'].map(stem)),
    );
    expect(new Set(compoundParts('körfelkoder', words))).toEqual(
      new Set(['kör', 'felkoder', 'fel', 'koder'].map(stem)),
    );
  });
  it('does not split when a part is not a word the pages use', () => {
    expect(compoundParts('kontorsstolen', pages)).toEqual([]);
    expect(compoundParts('tjänstekonto', vocab('konto'))).toEqual([]);
  });
  it('does not take a suffix or a short chance word for a part', () => {
    // "körn|ingen" (a definite ending, not "ingen"), "händ|else", "pass|word": chance matches.
    expect(compoundParts('körningen', vocab('körn ingen'))).toEqual([]);
    expect(compoundParts('händelse', vocab('händ else'))).toEqual([]);
    expect(compoundParts('password', pages)).toEqual([]);
  });
  it('leaves short and very long words alone', () => {
    expect(compoundParts('diskkont', vocab('disk kont'))).toEqual([]);
    expect(compoundParts(`disk${'utrymme'.repeat(6)}`, pages)).toEqual([]);
  });
  it('adds the parts to a text’s stems only when given the vocabulary', () => {
    expect(stemsOf('hanteringsagenten')).toEqual(new Set([stem('hanteringsagenten')]));
    expect(stemsOf('hanteringsagenten', pages)).toEqual(
      new Set([stem('hanteringsagenten'), stem('hantering'), stem('agent')]),
    );
  });
});
