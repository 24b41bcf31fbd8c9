import { describe, expect, it } from 'vitest';
import { draftFromSearch } from './new-from-search';

describe('draftFromSearch', () => {
  it('turns "Euro Stoxx 50" into an index in the file’s currency', () => {
    expect(draftFromSearch('Euro Stoxx 50', 'EUR', 'HKD')).toEqual({ symbol: 'EUROSTOXX50', name: 'Euro Stoxx 50', currency: 'EUR', exchange: 'INDEX', kind: 'index' });
  });
  it('keeps a typed symbol and falls back to the base currency', () => {
    expect(draftFromSearch(' abc.de ', null, 'EUR')).toEqual({ symbol: 'ABC.DE', name: 'abc.de', currency: 'EUR', exchange: 'XETRA', kind: 'stock' });
  });
});
