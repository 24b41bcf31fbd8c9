import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_ISSUERS, CATALOGUE_SECURITIES } from './catalogue';
import { EXCHANGES } from './exchanges';
import { isValidIsin } from './isin';
import { listingsOfIssuer, matchListing, normalizeForSearch, searchCatalogue } from './search';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const symbols = (query: string, limit = 10): string[] => searchCatalogue(query, limit).map((m) => m.security.symbol);

describe('searchCatalogue', () => {
  it('offers both Alibaba listings first for "Ali"', () => {
    expect(symbols('Ali').slice(0, 2).sort()).toEqual(['9988.HK', 'BABA']);
    expect(symbols('ali', 2)).toEqual(['9988.HK', 'BABA']);
  });

  it('finds JD.com in Hong Kong and New York from Chinese, with punctuation, or in full width', () => {
    expect(symbols('京东')).toEqual(['9618.HK', 'JD']);
    expect(symbols('京東')).toEqual(['9618.HK', 'JD']);
    expect(symbols('jd.com')).toEqual(['9618.HK', 'JD']);
    expect(symbols('ＪＤ．ＣＯＭ')).toEqual(['9618.HK', 'JD']);
    expect(searchCatalogue('jd.com')[0]?.score).toBe(90);
  });

  it('ranks an exact symbol above names containing the query', () => {
    expect(symbols('JD')[0]).toBe('JD');
    expect(searchCatalogue('JD')[0]?.score).toBe(100);
    expect(symbols('0700')).toEqual(['0700.HK']);
  });

  it('ignores accents and German sharp s', () => {
    expect(symbols('Deutsche Borse')).toEqual(['DB1.DE']);
    expect(symbols('munchener')).toEqual(['MUV2.DE']);
    expect(normalizeForSearch('Straße')).toBe('strasse');
  });

  it('finds Nvidia by its Chinese name and Tencent by the traditional one', () => {
    expect(symbols('英伟达')).toEqual(['NVDA']);
    expect(symbols('騰訊')).toEqual(['0700.HK', 'TCEHY']);
  });

  it('returns nothing for an empty query or zero limit', () => {
    expect(searchCatalogue('  ')).toEqual([]);
    expect(searchCatalogue('Ali', 0)).toEqual([]);
  });
});

describe('matchListing (a stored listing, on the catalogue ladder)', () => {
  const listing = { symbol: 'ABC.DE', names: ['ABC Maschinenbau AG', 'JD.com Partner'] };
  it('scores symbol, name, word prefix, substring and punctuation-free matches', () => {
    expect(matchListing('abc.de', listing)).toEqual({ score: 100, matched: 'ABC.DE' });
    expect(matchListing('abc', listing)).toEqual({ score: 80, matched: 'ABC.DE' });
    expect(matchListing('Abc Maschinenbau AG', listing)).toEqual({ score: 90, matched: 'ABC Maschinenbau AG' });
    // "masch" starts the second word: the word-prefix rung (60), which the stored search lacked before.
    expect(matchListing('masch', listing)).toEqual({ score: 60, matched: 'ABC Maschinenbau AG' });
    expect(matchListing('chinen', listing)).toEqual({ score: 40, matched: 'ABC Maschinenbau AG' });
    // "jdcompartner" = "JD.com Partner" without punctuation and spaces: exact name − 5 = 85.
    expect(matchListing('jdcompartner', listing)).toEqual({ score: 85, matched: 'JD.com Partner' });
    expect(matchListing('xyz', listing)).toBeNull();
    expect(matchListing('  ', listing)).toBeNull();
  });
});

describe('catalogue', () => {
  it('lists every listing of an issuer with ADR ratios', () => {
    expect(listingsOfIssuer('alibaba').map((s) => [s.symbol, s.sharesPerUnit])).toEqual([['9988.HK', 1], ['BABA', 8]]);
    expect(listingsOfIssuer('jd').map((s) => [s.symbol, s.sharesPerUnit])).toEqual([['9618.HK', 1], ['JD', 2]]);
  });

  it('has unique symbols, known exchanges and issuers, and ISINs with valid check digits', () => {
    const seen = new Set<string>();
    const issuerIds = new Set(CATALOGUE_ISSUERS.map((i) => i.id));
    for (const s of CATALOGUE_SECURITIES) {
      expect(seen.has(s.symbol), s.symbol).toBe(false);
      seen.add(s.symbol);
      expect(EXCHANGES[s.exchange], s.symbol).toBeDefined();
      if (s.issuerId !== null) expect(issuerIds.has(s.issuerId), s.symbol).toBe(true);
      if (s.isin !== null) expect(isValidIsin(s.isin), `${s.symbol} ${s.isin}`).toBe(true);
    }
    expect(CATALOGUE_SECURITIES.filter((s) => s.exchange === 'XETRA' && s.kind === 'stock').length).toBeGreaterThanOrEqual(40);
  });

  it('puts indices on their home exchange and FX on the FX calendar', () => {
    const bySymbol = new Map(CATALOGUE_SECURITIES.map((s) => [s.symbol, s]));
    expect(bySymbol.get('^HSI')?.exchange).toBe('HKEX');
    expect(bySymbol.get('HKDEUR=X')).toMatchObject({ exchange: 'FX', currency: 'EUR', kind: 'fx' });
  });
});

describe('isValidIsin', () => {
  it('accepts real ISINs and rejects a changed digit', () => {
    expect(isValidIsin('US0378331005')).toBe(true); // Apple
    expect(isValidIsin('DE0007164600')).toBe(true); // SAP
    expect(isValidIsin('US0378331006')).toBe(false);
    expect(isValidIsin('US037833100')).toBe(false);
  });
});

describe('catalogue ISINs against real broker statements', () => {
  const TX = `${FIXTURES_DIR}/transactions/`;
  const lines = ['degiro-pdf-text_Transaktionsuebersicht05.txt', 'traderepublic_TransactionExport01.csv']
    .flatMap((file) => readFileSync(TX + file, 'utf8').split('\n'));
  // Each broker line names the security and its ISIN side by side, e.g.
  // "17-01-2019 21:00 ALIBABA GROUP HOLDING US01609W1027 NSY 1 USD".
  it.each([
    ['ALIBABA GROUP HOLDING', 'BABA'],
    ['JD.COM INC.', 'JD'],
    ['BASF SE', 'BAS.DE'],
    [';Xiaomi;', '1810.HK'],
    [';Deutsche Telekom;', 'DTE.DE'],
    [';Netflix;', 'NFLX'],
  ])('%s carries the ISIN the catalogue has for %s', (name, symbol) => {
    const isin = CATALOGUE_SECURITIES.find((s) => s.symbol === symbol)?.isin;
    expect(isin).toMatch(/^[A-Z]{2}/);
    expect(lines.some((line) => line.includes(name) && line.includes(isin as string))).toBe(true);
  });
});
