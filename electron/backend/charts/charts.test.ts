import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comparison, EventImpacts, EventWindow, PortfolioHistory, PriceHistory } from '@shared/api/charts';
import type { ReturnSeries, ReturnsSummary } from '@shared/api/returns';
import { decodePriceFileBytes, detectPriceFile, parsePriceFile } from '@shared/domain/prices';
import { toEpochDay } from '@shared/domain/common/dates';
import { writeBars } from '../prices/store';
import { tempBackend } from '../testing/temp-backend';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const FIXTURES = `${FIXTURES_DIR}`;
const ARTICLE = `${FIXTURES}/news/de-2026-01-11-alibaba-im-aufwind.txt`;

type TestBackend = ReturnType<typeof tempBackend>;
let backend: TestBackend;

function importPrices(b: TestBackend, securityId: number, file: string): void {
  const decoded = decodePriceFileBytes(new Uint8Array(readFileSync(`${FIXTURES}/prices/${file}`)), file);
  const detection = detectPriceFile(decoded.text, file);
  const parsed = parsePriceFile(decoded.text, detection.mapping);
  expect(parsed.rejected).toEqual([]);
  writeBars(b.db, securityId, parsed.bars, parsed.adjustment.kind, file);
}

function addSecurity(b: TestBackend, symbol: string, name: string, exchange: string, currency: string, kind: string): number {
  const row = b.db
    .prepare("INSERT INTO securities (symbol, name, exchange, currency, kind) VALUES (?, ?, ?, ?, ?) RETURNING id")
    .get(symbol, name, exchange, currency, kind) as { id: number };
  return row.id;
}

async function call<T>(b: TestBackend, method: string, input: unknown): Promise<T> {
  const result = await b.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface Ids {
  baba: number;
  kuaishou: number;
  hsi: number;
  usdhkd: number;
  event: number;
}

/**
 * Alibaba (9988.HK) and Kuaishou (1024.HK) with ^HSI as benchmark, the USD/HKD
 * series for conversions, the example article (Sunday 2026-01-11) linked to
 * Alibaba with its "in der Spitze um 4,8 %" claim, and 1,000 Alibaba shares
 * bought on 2026-01-02 at 140 HKD plus 200 Kuaishou at 70 HKD on 2026-01-05.
 */
function seed(b: TestBackend): Ids {
  const baba = addSecurity(b, '9988.HK', 'Alibaba Group', 'HKEX', 'HKD', 'stock');
  const kuaishou = addSecurity(b, '1024.HK', 'Kuaishou Technology', 'HKEX', 'HKD', 'stock');
  const hsi = addSecurity(b, '^HSI', 'Hang Seng Index', 'HKEX', 'HKD', 'index');
  const usdhkd = addSecurity(b, 'USDHKD=X', 'USD/HKD', 'FX', 'HKD', 'fx');
  b.db.prepare('UPDATE securities SET benchmark_id = ? WHERE id IN (?, ?)').run(hsi, baba, kuaishou);
  importPrices(b, baba, 'yfinance-download-multiheader_9988.HK_2025-2026.csv');
  importPrices(b, kuaishou, 'yfinance-download-flat_1024.HK_2025-2026.csv');
  importPrices(b, hsi, 'yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv');
  importPrices(b, usdhkd, 'yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv');
  const insertTx = b.db.prepare('INSERT INTO transactions (account_id, security_id, type, date, quantity, price, currency) VALUES (1, ?, ?, ?, ?, ?, ?)');
  insertTx.run(baba, 'buy', '2026-01-02', 1000, 140, 'HKD');
  insertTx.run(kuaishou, 'buy', '2026-01-05', 200, 70, 'HKD');
  const headline = readFileSync(ARTICLE, 'utf8').split('\n')[1] as string;
  const event = (
    b.db
      .prepare("INSERT INTO news_events (dedupe_key, date, headline, source, label, tags) VALUES ('article', '2026-01-11', ?, 'Bn-Redaktion', 'Anzeige', '[\"ai\",\"china-tech\"]') RETURNING id")
      .get(headline) as { id: number }
  ).id;
  b.db.prepare("INSERT INTO event_links (event_id, security_id, origin, state) VALUES (?, ?, 'auto', 'linked')").run(event, baba);
  b.db
    .prepare("INSERT INTO event_claims (event_id, security_id, direction, percent, qualifier, horizon, text) VALUES (?, ?, 'up', 4.8, 'up-to', 'day', 'kletterte das Papier in der Spitze um 4,8 %')")
    .run(event, baba);
  return { baba, kuaishou, hsi, usdhkd, event };
}

beforeEach(() => {
  backend = tempBackend('2026-03-31');
});
afterEach(() => backend.dispose());

describe('charts.priceSeries', () => {
  it('anchors the Sunday article on Monday 12 January and keeps its bar', async () => {
    const ids = seed(backend);
    const s = await call<PriceHistory>(backend, 'charts.priceSeries', {
      securityId: ids.baba,
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(s.from).toBe('2026-01-02');
    expect(s.to).toBe('2026-01-30');
    expect(s.markers).toHaveLength(1);
    const marker = s.markers[0]!;
    expect(marker.sessionDate).toBe('2026-01-12');
    expect(marker.y).toBeCloseTo(154.3, 4);
    expect(marker.events[0]).toMatchObject({ eventId: ids.event, headline: 'Alibaba im Aufwind', anchoredFrom: '2026-01-11', anchorLabel: 'anchored from Sun 11 Jan' });
    // Each point is a real bar; 12 Jan carries the close before it (9 Jan, 146.5) for the change.
    const monday = s.points.find((p) => p.date === '2026-01-12')!;
    expect(monday.prevClose).toBe(146.5);
    expect(monday.volume).toBe(164580300);
    // The buy on 2 Jan is marked at its price.
    expect(s.trades).toEqual([{ date: '2026-01-02', side: 'buy', quantity: 1000, price: 140, y: 140 }]);
    expect(s.security).toMatchObject({ symbol: '9988.HK', quantity: 1000, benchmarkId: ids.hsi, barCount: 284, firstDate: '2025-01-02', lastDate: '2026-02-27' });
  });

  it('downsamples a long range to the requested points, keeping the marker bar', async () => {
    const ids = seed(backend);
    const s = await call<PriceHistory>(backend, 'charts.priceSeries', { securityId: ids.baba, maxPoints: 40 });
    expect(s.barCount).toBe(284);
    expect(s.downsampled).toBe(true);
    // 20 columns × min/max + first + last + the bars of the news marker and of the buy.
    expect(s.points.length).toBeLessThanOrEqual(44);
    expect(s.points.some((p) => p.date === '2026-01-12')).toBe(true);
    expect(s.points.some((p) => p.date === '2026-01-02')).toBe(true);
    expect(s.points[0]).toMatchObject({ date: '2025-01-02', prevClose: null });
    // each candle spans the bars since the previous point: its high is their highest high
    const bars = backend.db.prepare('SELECT day, high, low FROM price_bars WHERE security_id = ? ORDER BY day').all(ids.baba) as { day: number; high: number; low: number }[];
    const second = s.points[1]!;
    const upTo = bars.findIndex((b) => b.day === toEpochDay(second.date));
    expect(second.high).toBe(Math.max(...bars.slice(1, upTo + 1).map((b) => b.high)));
    expect(second.low).toBe(Math.min(...bars.slice(1, upTo + 1).map((b) => b.low)));
  });
});

describe('charts.eventImpacts', () => {
  it('measures the example article against the fixture prices by hand', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    const out = await call<EventImpacts>(backend, 'charts.eventImpacts', { securityId: ids.baba });
    expect(out.rows).toHaveLength(1);
    const row = out.rows[0]!;
    expect(row).toMatchObject({ sessionDate: '2026-01-12', anchored: true, anchoredFrom: '2026-01-11', baseDate: '2026-01-09', baseClose: 146.5, benchmarkSymbol: '^HSI' });
    // Day: 154.3000030517578 / 146.5 − 1 = 0.0532423 (+5.3242 %).
    expect(row.dayReturn).toBeCloseTo(0.0532423, 6);
    // 1d: 159.8999939 / 146.5 − 1 = 0.0914675; 5d (19 Jan): 160.3999939 / 146.5 − 1 = 0.0948805.
    expect(row.return1d).toBeCloseTo(0.0914675, 6);
    expect(row.return5d).toBeCloseTo(0.0948805, 6);
    // ^HSI 26231.7890625 → 26608.48046875 = +1.43601 %; abnormal 5.32423 − 1.43601 = +3.88822 %.
    expect(row.benchmarkDayReturn).toBeCloseTo(0.0143601, 6);
    expect(row.abnormalDayReturn).toBeCloseTo(0.0388822, 6);
    // 1,000 shares × 146.5 × 0.0532423 = 7,800.00 HKD, base HKD so rate 1.
    expect(row.sharesHeld).toBe(1000);
    expect(row.moneyDay).toBeCloseTo(7800.0031, 3);
    expect(row.moneyDayBase).toBeCloseTo(7800.0031, 3);
    // Claimed up to +4.8 %; the high 154.6000061 / 146.5 − 1 = +5.529 % exceeds 4.8 + 0.5 pp.
    expect(row.claim).toEqual({ percent: 4.8, direction: 'up', qualifier: 'up-to' });
    expect(row.claimMeasured).toBeCloseTo(0.0552901, 6);
    expect(row.claimVerdict).toBe('understated');
    expect(out.averages.map((a) => a.tag)).toEqual(['ai', 'china-tech']);
    expect(out.averages[0]!.abnormalDayReturn).toBeCloseTo(0.0388822, 6);
  });

  it('without a chosen benchmark, measures a Hong Kong listing against the stored ^HSI and says it was the default', async () => {
    const ids = seed(backend);
    backend.db.prepare('UPDATE securities SET benchmark_id = NULL').run();
    const out = await call<EventImpacts>(backend, 'charts.eventImpacts', { securityId: ids.baba });
    const row = out.rows[0]!;
    expect(row).toMatchObject({ benchmarkSymbol: '^HSI', benchmarkOrigin: 'default' });
    // the same figures as with ^HSI chosen: 5.32423 − 1.43601 = +3.88822 pp
    expect(row.abnormalDayReturn).toBeCloseTo(0.0388822, 6);
    const list = await call<{ symbol: string; benchmark: unknown }[]>(backend, 'charts.securities', {});
    expect(list.find((s) => s.symbol === '9988.HK')?.benchmark).toEqual({ id: ids.hsi, symbol: '^HSI', origin: 'default' });
    expect(list.find((s) => s.symbol === '^HSI')?.benchmark).toBeNull();
  });

  it('converts the money impact with the USD/HKD series and says why it cannot without one', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'USD' });
    const usd = await call<EventImpacts>(backend, 'charts.eventImpacts', { eventId: ids.event });
    // USDHKD=X on 2026-01-12 closed 7.794149875640869 HKD per USD: 7,800.0031 / 7.79415 = 1,000.751 USD.
    expect(usd.rows[0]!.fxRate).toBeCloseTo(1 / 7.794149875640869, 9);
    expect(usd.rows[0]!.moneyDayBase).toBeCloseTo(1000.751, 2);

    await call(backend, 'settings.update', { baseCurrency: 'EUR' });
    const eur = await call<EventImpacts>(backend, 'charts.eventImpacts', { eventId: ids.event });
    expect(eur.rows[0]!.fxRate).toBeNull();
    expect(eur.rows[0]!.moneyDayBase).toBeNull();
    expect(eur.rows[0]!.missing.moneyDayBase).toMatch(/exchange rate/);
  });

  it('rejects asking for both or neither of security and event', async () => {
    for (const input of [{}, { securityId: 1, eventId: 1 }]) {
      const result = await backend.dispatch('charts.eventImpacts', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('charts.eventWindow', () => {
  it('shows −5..+10 sessions around the event, 0 % at the close of Friday 9 January', async () => {
    const ids = seed(backend);
    backend.db.prepare("INSERT INTO event_links (event_id, security_id, origin, state) VALUES (?, ?, 'user', 'linked')").run(ids.event, ids.kuaishou);
    const w = await call<EventWindow>(backend, 'charts.eventWindow', { eventId: ids.event });
    expect(w.series.map((s) => s.symbol)).toEqual(['9988.HK', '1024.HK']);
    const baba = w.series[0]!;
    expect(baba.points.map((p) => p.offset)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(baba.points.find((p) => p.offset === -1)).toMatchObject({ date: '2026-01-09', change: 0 });
    expect(baba.points.find((p) => p.offset === 0)!.change).toBeCloseTo(0.0532423, 6);
    // Kuaishou: 80.25 / 74.6999969 − 1 = +7.4297 %.
    expect(w.series[1]!.points.find((p) => p.offset === 0)!.change).toBeCloseTo(80.25 / 74.69999694824219 - 1, 9);
    expect(w.series[1]!.anchorLabel).toBe('anchored from Sun 11 Jan');
  });
});

describe('charts.compare', () => {
  it('rebases both securities to 0 % on the first visible session', async () => {
    const ids = seed(backend);
    const c = await call<Comparison>(backend, 'charts.compare', {
      securityIds: [ids.baba, ids.kuaishou],
      from: '2026-01-09',
      to: '2026-01-13',
    });
    expect(c.series.map((s) => s.symbol)).toEqual(['9988.HK', '1024.HK']);
    // 13 Jan: 9988 159.8999939 / 146.5 − 1 = +9.1468 %; 1024 78.4499969 / 74.6999969 − 1 = +5.0201 %.
    expect(c.rows.map((r) => r.date)).toEqual(['2026-01-09', '2026-01-12', '2026-01-13']);
    expect(c.rows[0]!.values).toEqual([0, 0]);
    expect(c.rows[2]!.values[0]).toBeCloseTo(0.0914675, 6);
    expect(c.rows[2]!.values[1]).toBeCloseTo(0.0502008, 6);
    expect(c.markers).toMatchObject([{ seriesIndex: 0, sessionDate: '2026-01-12', count: 1 }]);
    expect(c.markers[0]!.y).toBeCloseTo(0.0532423, 6);
  });
});

describe('charts.portfolio', () => {
  it('values the holdings in the base currency day by day', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    const p = await call<PortfolioHistory>(backend, 'charts.portfolio', { from: '2026-01-02', to: '2026-01-12' });
    const on = (d: string) => p.points.find((x) => x.date === d)!;
    // 2 Jan: 1,000 × 9988's close that day; cost 140,000.
    const close0102 = backend.db.prepare("SELECT close FROM price_bars WHERE security_id = ? AND day = 20455").get(ids.baba) as { close: number };
    expect(on('2026-01-02')).toMatchObject({ costBasis: 140000 });
    expect(on('2026-01-02').marketValue).toBeCloseTo(1000 * close0102.close, 6);
    // 12 Jan: 1,000 × 154.3000031 + 200 × 80.25 = 154,300.003 + 16,050 = 170,350.003; cost 140,000 + 14,000.
    expect(on('2026-01-12').marketValue).toBeCloseTo(170350.003, 2);
    expect(on('2026-01-12').costBasis).toBe(154000);
    expect(p.markers).toHaveLength(1);
    expect(p.markers[0]).toMatchObject({ sessionDate: '2026-01-12' });
    expect(p.markers[0]!.y).toBeCloseTo(170350.003, 2);
    const baba = p.holdings.find((h) => h.symbol === '9988.HK')!;
    // P&L at 12 Jan: 154,300.003 − 140,000 = 14,300.003 (+10.214 %).
    expect(baba.pnlBase).toBeCloseTo(14300.003, 2);
    expect(baba.pnlPct).toBeCloseTo(14300.003 / 140000, 6);
    expect(baba.weight).toBeCloseTo(154300.003 / 170350.003, 6);
  });

  it('gives the change in range from the close of its first day when the portfolio is older, with the range TTWROR (issue 15)', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    const p = await call<PortfolioHistory>(backend, 'charts.portfolio', { from: '2026-01-06', to: '2026-01-12' });
    // epoch day 20459 = Tue 6 Jan 2026 (20455 = 2 Jan); both buys (2 and 5 Jan) lie before the range
    const closeOn = (id: number): number => (backend.db.prepare('SELECT close FROM price_bars WHERE security_id = ? AND day = 20459').get(id) as { close: number }).close;
    // From the close of 6 Jan (1,000 × 9988 + 200 × 1024 that day) to 12 Jan (170,350.003); no money moved in between.
    expect(p.totals.netFlows).toBe(0);
    expect(p.totals.change).toBeCloseTo(170350.003 - 1000 * closeOn(ids.baba) - 200 * closeOn(ids.kuaishou), 2);
    // The TTWROR beside it is the returns feature's figure for the same days (from the close of 6 Jan).
    const summary = await call<ReturnsSummary>(backend, 'returns.summary', { scopes: [{ kind: 'portfolio' }], periods: ['custom'], custom: { from: '2026-01-07', to: '2026-01-12' } });
    const tw = summary.rows[0]!.periods[0]!.timeWeighted;
    expect(tw.kind).toBe('ok');
    expect(p.totals.timeWeighted).toBeCloseTo(tw.kind === 'ok' ? tw.value : Number.NaN, 12);
  });

  it('measures a range that begins on or before the first buy from nothing, so the first day counts (issue 15)', async () => {
    seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    // 1Y-like range from 1 Dec 2025: the portfolio starts inside it (buy 2 Jan), so the change runs from a
    // value of 0: 170,350.003 at 12 Jan − 0 − (140,000 + 14,000 put in) = 16,350.003, the same as
    // Holdings' unrealised P&L that day (154,300.003 − 140,000 + 16,050 − 14,000). Measured from the
    // close of 2 Jan instead, the first day's move from the 140 paid to that close was lost.
    const p = await call<PortfolioHistory>(backend, 'charts.portfolio', { from: '2025-12-01', to: '2026-01-12' });
    expect(p.totals.netFlows).toBeCloseTo(154000, 6);
    expect(p.totals.change).toBeCloseTo(16350.003, 2);
    // The TTWROR beside it is the returns feature's for the same range.
    const summary = await call<ReturnsSummary>(backend, 'returns.summary', { scopes: [{ kind: 'portfolio' }], periods: ['custom'], custom: { from: '2025-12-01', to: '2026-01-12' } });
    const tw = summary.rows[0]!.periods[0]!.timeWeighted;
    expect(tw.kind).toBe('ok');
    expect(p.totals.timeWeighted).toBeCloseTo(tw.kind === 'ok' ? tw.value : Number.NaN, 12);
    // Max (no start), and a range the Charts screen clamped to the first day, are the same whole history.
    for (const from of [undefined, '2026-01-02']) {
      const whole = await call<PortfolioHistory>(backend, 'charts.portfolio', { ...(from ? { from } : {}), to: '2026-01-12' });
      expect(whole.totals.change).toBeCloseTo(16350.003, 2);
      expect(whole.totals.netFlows).toBeCloseTo(154000, 6);
    }
  });

  it('counts an article linked to both holdings once on the portfolio chart', async () => {
    const ids = seed(backend);
    backend.db.prepare("INSERT INTO event_links (event_id, security_id, origin, state) VALUES (?, ?, 'auto', 'linked')").run(ids.event, ids.kuaishou);
    const p = await call<PortfolioHistory>(backend, 'charts.portfolio', { from: '2026-01-02', to: '2026-01-12' });
    expect(p.markers.map((m) => [m.sessionDate, m.count, m.events.length])).toEqual([['2026-01-12', 1, 1]]);
  });

  it('is empty, not failing, without transactions', async () => {
    const p = await call<PortfolioHistory>(backend, 'charts.portfolio', {});
    expect(p.points).toEqual([]);
    expect(p.holdings).toEqual([]);
  });
});

describe('returns.series news flags (issue 19)', () => {
  /** One article on each weekday from Mon 5 Jan 2026 for eight weeks: 40 articles on 40 days, all linked to Alibaba. */
  function addDailyNews(b: TestBackend, security: number): number {
    const insert = b.db.prepare("INSERT INTO news_events (dedupe_key, date, headline, source) VALUES (?, ?, ?, 'Wire') RETURNING id");
    const link = b.db.prepare("INSERT INTO event_links (event_id, security_id, origin, state) VALUES (?, ?, 'auto', 'linked')");
    let n = 0;
    for (let day = toEpochDay('2026-01-05'); n < 40; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(day * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const { id } = insert.get(`daily-${date}`, date, `Alibaba news of ${date}`) as { id: number };
      link.run(id, security);
      n++;
    }
    return n;
  }

  it('merges the flags per column of the drawn chart, as the value chart does, and keeps every article counted', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    const articles = addDailyNews(backend, ids.baba);
    // maxPoints 40 draws 20 pixel columns (min and max each); a flag per 4 points gives 10 columns of news.
    const s = await call<ReturnSeries>(backend, 'returns.series', { period: 'Max', maxPoints: 40 });
    // 40 daily articles + the seeded Sunday article (11 Jan, on Monday 12 Jan's session) = 41, each counted once.
    expect(s.markers.reduce((sum, m) => sum + m.count, 0)).toBe(articles + 1);
    expect(s.markers.length).toBeLessThanOrEqual(10);
    // A merged flag lists at most 5 of its articles.
    expect(Math.max(...s.markers.map((m) => m.events.length))).toBeLessThanOrEqual(5);
    // The flags' days are kept through downsampling: 40 points + first and last + at most 10 flag days.
    expect(s.points.length).toBeLessThanOrEqual(52);
    for (const m of s.markers) expect(s.points.some((p) => p.date === m.sessionDate)).toBe(true);
  });

  it('answers again from its cache until the data changes', async () => {
    const ids = seed(backend);
    await call(backend, 'settings.update', { baseCurrency: 'HKD' });
    const first = await call<ReturnSeries>(backend, 'returns.series', { period: 'Max', maxPoints: 40 });
    const again = await call<ReturnSeries>(backend, 'returns.series', { period: 'Max', maxPoints: 40 });
    expect(again).toEqual(first);
    // A new article is a write: the next answer counts it (1 seeded + 40).
    const articles = addDailyNews(backend, ids.baba);
    const after = await call<ReturnSeries>(backend, 'returns.series', { period: 'Max', maxPoints: 40 });
    expect(first.markers.reduce((sum, m) => sum + m.count, 0)).toBe(1);
    expect(after.markers.reduce((sum, m) => sum + m.count, 0)).toBe(articles + 1);
  });
});
