import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AppHandle } from '../fixtures';
import { CATALOGUE_ISSUERS, CATALOGUE_SECURITIES } from '../../shared/domain/securities/catalogue';

/**
 * Test setup only: puts catalogue securities into the app before a flow that
 * needs them. Browser mode: the app's own HTTP API with the page's session cookie (the
 * same call the securities UI makes). The desktop app has no HTTP API, so there
 * the listings are written to its database file the way the securities store does.
 */
export async function addCatalogueSecurities(app: AppHandle, symbols: string[]): Promise<void> {
  const { page } = app;
  const base = new URL(page.url()).origin;
  if (base.startsWith('http://127.0.0.1')) {
    for (const catalogueSymbol of symbols) {
      // page.request shares the browser context's cookies, so it carries the session the page logged in with.
      const response = await page.request.post(`${base}/api/call/securities.create`, {
        data: { catalogueSymbol },
      });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(`Could not add ${catalogueSymbol}: ${result.error?.message ?? response.status()}`);
    }
    return;
  }
  const db = new DatabaseSync(join(app.dataDir, 'tickerline.sqlite'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    for (const symbol of symbols) {
      const s = CATALOGUE_SECURITIES.find((c) => c.symbol === symbol);
      if (!s) throw new Error(`${symbol} is not in the catalogue`);
      const issuer = CATALOGUE_ISSUERS.find((i) => i.id === s.issuerId);
      if (issuer) {
        db.prepare('INSERT OR IGNORE INTO issuers (id, name, aliases) VALUES (?, ?, ?)').run(issuer.id, issuer.name, JSON.stringify(issuer.aliases));
      }
      db.prepare(
        'INSERT OR IGNORE INTO securities (symbol, name, exchange, currency, kind, isin, issuer_id, shares_per_unit, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(s.symbol, s.name, s.exchange, s.currency, s.kind, s.isin, s.issuerId, s.sharesPerUnit, JSON.stringify(s.aliases));
    }
  } finally {
    db.close();
  }
  await app.reload();
}
