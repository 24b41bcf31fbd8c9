import { describe, expect, it } from 'vitest';
import type { Security } from '@shared/api/securities';
import { fieldMessages, formValues, securityPatch, splitList } from './securityForm';

const BABA_HK: Security = {
  id: 3,
  symbol: '9988.HK',
  name: 'Alibaba Group Holding',
  exchange: 'HKEX',
  currency: 'HKD',
  kind: 'stock',
  isin: 'KYG017191142',
  issuerId: 'alibaba',
  sharesPerUnit: 1,
  aliases: ['Alibaba'],
  benchmarkId: null,
};

describe('fieldMessages', () => {
  it('places zod issues under the patch object by their field', () => {
    const details = { issues: [{ path: ['patch', 'headline'], message: 'A headline is required.' }, { path: ['patch', 'url'], message: 'Use a full web address.' }] };
    expect(fieldMessages(details, 'Invalid input', ['patch'])).toEqual({ headline: 'A headline is required.', url: 'Use a full web address.' });
  });
  it('takes a handler field list, a single field, and sends pathless issues to the form', () => {
    expect(fieldMessages({ fields: [{ field: 'isin', message: 'The check digit does not match.' }] }, 'x')).toEqual({ isin: 'The check digit does not match.' });
    expect(fieldMessages({ field: 'symbol' }, 'Another security already uses the symbol BABA.')).toEqual({ symbol: 'Another security already uses the symbol BABA.' });
    expect(fieldMessages({ issues: [{ path: [], message: 'Give either…' }] }, 'x')).toEqual({ form: 'Give either…' });
    expect(fieldMessages({ transactionCount: 2 }, 'x')).toEqual({});
    expect(fieldMessages(undefined, 'x')).toEqual({});
  });
});

describe('splitList', () => {
  it('splits on Latin and CJK commas and semicolons, trims and drops repeats', () => {
    expect(splitList(' Alibaba, 阿里；BABA、阿里巴巴 , alibaba,, ')).toEqual(['Alibaba', '阿里', 'BABA', '阿里巴巴']);
    expect(splitList('')).toEqual([]);
  });
});

describe('securityPatch', () => {
  it('is empty when nothing changed', () => {
    expect(securityPatch(BABA_HK, formValues(BABA_HK))).toEqual({ patch: {}, errors: {} });
  });
  it('sends only the changed fields, upper-cased symbol, ISIN and currency, aliases as a list', () => {
    const v = { ...formValues(BABA_HK), symbol: ' 9988.hk ', currency: 'hkd', aliases: 'Alibaba, 阿里', sharesPerUnit: '1', isin: '' };
    expect(securityPatch(BABA_HK, v)).toEqual({ patch: { isin: null, aliases: ['Alibaba', '阿里'] }, errors: {} });
    const adr = { ...formValues(BABA_HK), symbol: 'baba', exchange: 'NYSE', currency: 'usd', sharesPerUnit: '8' };
    expect(securityPatch(BABA_HK, adr).patch).toEqual({ symbol: 'BABA', exchange: 'NYSE', currency: 'USD', sharesPerUnit: 8 });
  });
  it('reads a decimal comma and refuses shares per unit that is no number', () => {
    expect(securityPatch(BABA_HK, { ...formValues(BABA_HK), sharesPerUnit: '0,5' }).patch).toEqual({ sharesPerUnit: 0.5 });
    const bad = securityPatch(BABA_HK, { ...formValues(BABA_HK), sharesPerUnit: 'eight' });
    expect(bad.patch).toEqual({});
    expect(Object.keys(bad.errors)).toEqual(['sharesPerUnit']);
  });
});
