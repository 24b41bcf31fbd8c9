import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '@backend/backend';
import { inTransaction } from '@backend/db/database';
import { insertEvent, rewriteClaims, writeAutoLinks, type EventRecord } from '@backend/news/store';
import { insertBars, recordSeries } from '@backend/prices/store';
import { insertSecurity } from '@backend/securities/store';
import { writeSettings } from '@backend/settings/store';
import { insertTransaction } from '@backend/transactions/store';
import type { PriceSeries } from '@shared/domain/portfolio/price-series';
import { seededRandom } from '@shared/domain/common/random';
import { generatePortfolio } from './holdings';

/**
 * A real investor's whole history (issue 19): 100 securities × 20 years of daily
 * bars, 10,000 transactions and 20,000 news items, written straight into a data
 * folder through the backend's stores (one transaction, no parsing), so the UI
 * bench opens browser mode on it within seconds. Also writes the files the UI
 * bench picks: 100 price files and a 10,000-line transaction file.
 *
 * Run alone: `tsx bench/large-data.ts <folder>`.
 */

export const NEWS_EVENTS = 20_000;
/** Security 1 gets this many of the events: "a security with 1,000 events in its impact table". */
export const BUSY_SECURITY_EVENTS = 1_000;
export const PRICE_FILES = 100;
export const TRANSACTION_LINES = 10_000;

export interface LargeData {
  dataDir: string;
  /** 100 CSV price files in Yahoo's download layout, one per generated security. */
  priceFiles: string[];
  /** A 10,000-line transaction file (Wealthfolio activities layout). */
  transactionFile: string;
  /** The symbol and name of the security with 1,000 events. */
  busySecurity: { symbol: string; name: string };
  /** How long writing took, ms. */
  writeMs: number;
  counts: { securities: number; bars: number; transactions: number; events: number };
}

const SOURCES = ['Reuters', 'Bloomberg', 'Financial Times', 'South China Morning Post', 'Handelsblatt', 'The Wall Street Journal'];
const VERBS = [
  ['jumps', 'up'],
  ['falls', 'down'],
  ['rallies', 'up'],
  ['slides', 'down'],
] as const;

export function writeLargeData(root: string, seed = 20260401): LargeData {
  const started = performance.now();
  const data = generatePortfolio(seed);
  const rand = seededRandom(seed + 1);
  const dataDir = join(root, 'data');
  const filesDir = join(root, 'files');
  mkdirSync(filesDir, { recursive: true });
  const backend = createBackend({ dataDir, mode: 'test', appVersion: 'bench' });
  let bars = 0;
  const stored = new Map<number, { id: number; symbol: string; name: string }>();
  try {
    const { db } = backend;
    inTransaction(db, () => {
      writeSettings(db, { baseCurrency: 'EUR' });
      for (const s of data.securities) {
        const { id: _id, ...fields } = s;
        const row = insertSecurity(db, fields);
        stored.set(s.id, { id: row.id, symbol: row.symbol, name: row.name });
        const series = data.prices.get(s.id) as PriceSeries;
        recordSeries(db, row.id, 'none', 'Close', 'bench');
        insertBars(
          db,
          row.id,
          series.bars.map((b, i) => {
            const open = i === 0 ? b.close : (series.bars[i - 1] as { close: number }).close;
            return { date: b.date, open, high: Math.max(open, b.close) * 1.01, low: Math.min(open, b.close) * 0.99, close: b.close, volume: 1000 + i };
          }),
        );
        bars += series.bars.length;
      }
      for (const f of data.fxSymbols) {
        const row = insertSecurity(db, { symbol: f.symbol, name: f.symbol, exchange: 'FX', currency: f.series.to, kind: 'fx', isin: null, issuerId: null, sharesPerUnit: 1, aliases: [] });
        recordSeries(db, row.id, 'none', 'Close', 'bench');
        insertBars(db, row.id, f.series.points.map((p) => ({ date: p.date, open: null, high: null, low: null, close: p.close, volume: null })));
        bars += f.series.points.length;
      }
      for (const t of data.transactions) {
        insertTransaction(db, {
          securityId: (stored.get(t.securityId) as { id: number }).id,
          type: t.type,
          date: t.date,
          quantity: t.quantity,
          price: t.price,
          currency: t.currency,
          fees: t.fees,
          splitFrom: t.splitRatio?.from ?? null,
          splitTo: t.splitRatio?.to ?? null,
          note: t.note,
          externalId: null,
          accountId: 1, // the default account the accounts upgrade creates
          taxes: 0,
        });
      }
      // 20,000 events on weekdays of the 20 years; security 1 gets 1,000 of them, the rest spread over the others.
      const days = (data.prices.get(1) as PriceSeries).bars.map((b) => b.date);
      for (let n = 0; n < NEWS_EVENTS; n++) {
        const securityKey = n < BUSY_SECURITY_EVENTS ? 1 : 2 + (n % (data.securities.length - 1));
        const security = stored.get(securityKey) as { id: number; symbol: string; name: string };
        const [verb, direction] = VERBS[n % VERBS.length] as (typeof VERBS)[number];
        const percent = (1 + rand() * 9).toFixed(1);
        const headline = `${security.name} ${verb} ${percent}% after ${n % 3 === 0 ? 'results' : n % 3 === 1 ? 'an analyst call' : 'a contract award'} (#${n + 1})`;
        const date = days[Math.floor(rand() * days.length)] as string;
        const record: EventRecord = {
          date,
          time: n % 4 === 0 ? null : `${String(8 + (n % 10)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
          timeZone: n % 4 === 0 ? null : 'Asia/Hong_Kong',
          headline,
          summary: `Shares of ${security.name} (${security.symbol}) ${verb} ${percent}% as traders weighed the news.`,
          body: '',
          source: SOURCES[n % SOURCES.length] as string,
          url: `https://news.example/${n + 1}`,
          language: 'en',
          label: null,
          tags: n % 10 === 0 ? ['earnings'] : [],
          tickers: [security.symbol],
        };
        const eventId = insertEvent(db, record, `bench:${n + 1}`);
        const at = headline.indexOf(security.name);
        writeAutoLinks(db, eventId, [
          { securityId: security.id, issuerId: null, reasons: [{ field: 'headline', text: headline, index: at, via: 'name', term: security.name }] },
        ]);
        // Every tenth event states its move, so impact tables have claims to compare; direction is in the verb.
        if (n % 10 === 0 && direction) rewriteClaims(db, eventId, record);
      }
    });
  } finally {
    backend.close();
  }

  const priceFiles: string[] = [];
  const pricesDir = join(filesDir, 'prices');
  mkdirSync(pricesDir, { recursive: true });
  for (const s of data.securities.slice(0, PRICE_FILES)) {
    const series = data.prices.get(s.id) as PriceSeries;
    const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
    let previous = series.bars[0]?.close ?? 0;
    for (const b of series.bars) {
      lines.push(`${b.date},${previous},${(Math.max(previous, b.close) * 1.01).toFixed(4)},${(Math.min(previous, b.close) * 0.99).toFixed(4)},${b.close},${b.close},${1000 + lines.length}`);
      previous = b.close;
    }
    const file = join(pricesDir, `${s.symbol}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    priceFiles.push(file);
  }

  const symbols = data.securities.map((s) => ({ symbol: s.symbol, currency: s.currency }));
  const tx = ['date,type,symbol,instrumentType,quantity,unit_price,currency,fee,amount,comment,fxRate,subtype'];
  for (let n = 0; n < TRANSACTION_LINES; n++) {
    const s = symbols[n % symbols.length] as { symbol: string; currency: string };
    const date = `20${String(10 + Math.floor(n / 1000)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    tx.push(`${date},BUY,${s.symbol},EQUITY,${1 + (n % 50)},${(10 + (n % 200)).toFixed(2)},${s.currency},4.95,,,,`);
  }
  const transactionFile = join(filesDir, 'transactions-10000.csv');
  writeFileSync(transactionFile, tx.join('\n') + '\n');

  const busy = stored.get(1) as { symbol: string; name: string };
  return {
    dataDir,
    priceFiles,
    transactionFile,
    busySecurity: { symbol: busy.symbol, name: busy.name },
    writeMs: performance.now() - started,
    counts: { securities: data.securities.length, bars, transactions: data.transactions.length, events: NEWS_EVENTS },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2];
  if (!root) throw new Error('Usage: tsx bench/large-data.ts <folder>');
  const result = writeLargeData(root);
  console.log(`Wrote ${JSON.stringify(result.counts)} to ${result.dataDir} in ${(result.writeMs / 1000).toFixed(1)} s`);
}
