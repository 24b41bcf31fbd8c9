import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend } from '../testing/temp-backend';
import { ensureSecurityFromCatalogue, findBySymbol, getSecurity, linkCandidates, listSecurities, listingsOf } from './store';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.dispose());

describe('securities store', () => {
  it('adds a catalogue listing with its issuer and aliases, once', () => {
    const hsi = ensureSecurityFromCatalogue(backend.db, '^HSI');
    const alibaba = ensureSecurityFromCatalogue(backend.db, '9988.hk');
    expect(alibaba).toMatchObject({ symbol: '9988.HK', currency: 'HKD', exchange: 'HKEX', issuerId: 'alibaba', sharesPerUnit: 1 });
    // HK listings are benchmarked against the Hang Seng when it is stored.
    expect(alibaba?.benchmarkId).toBe(hsi?.id);
    expect(ensureSecurityFromCatalogue(backend.db, '9988.HK')?.id).toBe(alibaba?.id);
    const adr = ensureSecurityFromCatalogue(backend.db, 'BABA');
    expect(adr).toMatchObject({ sharesPerUnit: 8, currency: 'USD', issuerId: 'alibaba', benchmarkId: null });
    expect(listSecurities(backend.db).map((s) => s.symbol)).toEqual(['9988.HK', '^HSI', 'BABA']);
    expect(listingsOf(backend.db, 'alibaba').map((s) => s.symbol)).toEqual(['9988.HK', 'BABA']);
    expect(findBySymbol(backend.db, 'baba')?.id).toBe(adr?.id);
    expect(getSecurity(backend.db, 999)).toBeNull();
    expect(ensureSecurityFromCatalogue(backend.db, 'NOPE.XX')).toBeNull();
  });

  it('gives news linking the listing name, issuer name and every alias', () => {
    ensureSecurityFromCatalogue(backend.db, '1024.HK');
    const [kuaishou] = linkCandidates(backend.db);
    expect(kuaishou).toMatchObject({ symbol: '1024.HK', issuerId: 'kuaishou' });
    // Listing name and issuer name are both 'Kuaishou Technology': listed once.
    expect(kuaishou?.names).toEqual(['Kuaishou Technology', '1024', 'Kuaishou', '快手', '快手科技']);
  });
});
