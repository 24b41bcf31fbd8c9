import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeEventImpact, type EventImpactInput, type ImpactBar } from './event-impact';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const PRICES = `${FIXTURES_DIR}/prices/`;

/** yfinance download() CSVs (flat, two- and three-line headers) all start Date,Close,High,Low. */
function readBars(file: string): ImpactBar[] {
  return readFileSync(PRICES + file, 'utf8')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => {
      const [date, close, high, low] = line.split(',');
      return { date: date!, close: Number(close), high: Number(high), low: Number(low) };
    });
}

/** The USD/HKD file is semicolon-separated with decimal commas: Date;Adj Close;Close;... */
function readUsdHkd(): Map<string, number> {
  const rates = new Map<string, number>();
  for (const line of readFileSync(PRICES + 'yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv', 'utf8').split('\n')) {
    const [date, , close] = line.split(';');
    if (date && /^\d{4}-/.test(date) && close) rates.set(date, Number(close.replace(',', '.')));
  }
  return rates;
}

const alibabaHk = readBars('yfinance-download-multiheader_9988.HK_2025-2026.csv');
const kuaishouHk = readBars('yfinance-download-flat_1024.HK_2025-2026.csv');
const hsi = readBars('yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv');
const usdHkd = readUsdHkd();

// The German article of Sunday 2026-01-11, anchored to Monday 2026-01-12 on HKEX.
const sundayArticle = { sessionDate: '2026-01-12', anchored: true, anchoredFrom: '2026-01-11' };

function alibabaInput(overrides: Partial<EventImpactInput> = {}): EventImpactInput {
  return {
    securityId: 9988,
    eventId: 'de-2026-01-11',
    anchor: sundayArticle,
    bars: alibabaHk,
    benchmark: { securityId: 1, bars: hsi },
    sharesHeldAt: () => 1000,
    currency: 'HKD',
    baseCurrency: 'USD',
    fxRate: (from, to, date) => (from === 'HKD' && to === 'USD' ? 1 / (usdHkd.get(date) ?? NaN) : null),
    claim: { percent: 4.8, qualifier: 'up-to', direction: 'up' },
    ...overrides,
  };
}

describe('computeEventImpact on 9988.HK for the 2026-01-11 article', () => {
  const impact = computeEventImpact(alibabaInput());

  it('measures from the Friday close 146.5 to the Monday close 154.3', () => {
    expect(impact.baseDate).toBe('2026-01-09');
    expect(impact.baseClose).toBe(146.5);
    // 154.3 / 146.5: 146.5 × 1.05 = 153.825, rest 0.475 / 146.5 = 0.0032423208…
    // → 1.0532423208…, dayReturn = 0.0532423208 (5.324 %). The fixture stores
    // 154.3000030517578 (float32 noise), moving only the 8th decimal.
    expect(impact.dayReturn).toBeCloseTo(0.0532423208, 7);
  });

  it('takes 1d from Tue 13 Jan and 5d from Mon 19 Jan (trading days, not calendar days)', () => {
    expect(impact.date1d).toBe('2026-01-13');
    expect(impact.date5d).toBe('2026-01-19');
    // 159.9 / 146.5 − 1: 146.5 × 1.09 = 159.685, rest 0.215 / 146.5 = 0.0014675… → 0.0914675
    expect(impact.return1d).toBeCloseTo(0.0914675, 6);
    // 160.4 / 146.5 − 1: 146.5 × 1.09 = 159.685, rest 0.715 / 146.5 = 0.0048805… → 0.0948805
    expect(impact.return5d).toBeCloseTo(0.0948805, 6);
  });

  it('subtracts the Hang Seng move over the same dates (market-adjusted abnormal return)', () => {
    // ^HSI closes: 09 Jan 26231.7890625, 12 Jan 26608.48046875 → +376.69140625 / 26231.7890625 = 0.0143601
    expect(impact.benchmarkDayReturn).toBeCloseTo(0.0143601, 6);
    // abnormal = 0.0532423 − 0.0143601 = 0.0388822
    expect(impact.abnormalDayReturn).toBeCloseTo(0.0388822, 6);
    // 13 Jan 26848.470703125: +616.681640625 / 26231.7890625 = 0.0235089; 0.0914675 − 0.0235089 = 0.0679586
    expect(impact.benchmarkReturn1d).toBeCloseTo(0.0235089, 6);
    expect(impact.abnormalReturn1d).toBeCloseTo(0.0679586, 6);
    // 19 Jan 26563.900390625: +332.111328125 / 26231.7890625 = 0.0126606; 0.0948805 − 0.0126606 = 0.0822199
    expect(impact.abnormalReturn5d).toBeCloseTo(0.0822199, 6);
  });

  it('values the day move for 1,000 shares in HKD and converts with the day’s USD/HKD rate', () => {
    // 1000 × 146.5 × (154.3 / 146.5 − 1) = 1000 × (154.3 − 146.5) = 7,800 HKD
    expect(impact.sharesHeld).toBe(1000);
    expect(impact.moneyDay).toBeCloseTo(7800, 2);
    // USD/HKD on 12 Jan = 7.794149875…: 7800 / 7.79415 = 1000.751 USD
    expect(impact.fxRate).toBeCloseTo(1 / 7.794149875640869, 12);
    expect(impact.moneyDayBase).toBeCloseTo(1000.751, 3);
    // 5d: 1000 × (160.4 − 146.5) = 13,900 HKD
    expect(impact.money5d).toBeCloseTo(13900, 1);
  });

  it('checks "in der Spitze um 4,8 %" against the intraday high, and against the Friday it describes', () => {
    // Monday high 154.6 / 146.5 − 1 = 0.0552901 > 0.048 + 0.005 tolerance → the article understates Monday.
    expect(impact.highReturn).toBeCloseTo(0.0552901, 6);
    expect(impact.claimMeasured).toBeCloseTo(0.0552901, 6);
    expect(impact.claimBasis).toBe('intraday-high');
    expect(impact.claimVerdict).toBe('understated');
    // Friday (the last session before the Sunday article): high 149.5 / Thu close 142.6 − 1 = 0.0483871 ≈ 4.8 %.
    expect(impact.preceding?.date).toBe('2026-01-09');
    expect(impact.preceding?.claimMeasured).toBeCloseTo(0.0483871, 6);
    expect(impact.preceding?.claimVerdict).toBe('consistent');
  });
});

describe('computeEventImpact on 1024.HK (Kuaishou, "mehr als 4 %")', () => {
  it('calls a 7.43 % close-to-close rise consistent with "more than 4 %"', () => {
    const impact = computeEventImpact({
      securityId: 1024,
      eventId: 'de-2026-01-11',
      anchor: sundayArticle,
      bars: kuaishouHk,
      currency: 'HKD',
      baseCurrency: 'HKD',
      claim: { percent: 4, qualifier: 'more-than', direction: 'up' },
    });
    // 80.25 / 74.7 − 1: 74.7 × 1.07 = 79.929, rest 0.321 / 74.7 = 0.0042972 → 0.0742972
    expect(impact.dayReturn).toBeCloseTo(0.0742972, 6);
    expect(impact.claimBasis).toBe('close');
    expect(impact.claimVerdict).toBe('consistent');
    // Same currency: the rate is exactly 1 by definition, not a fallback.
    expect(impact.fxRate).toBe(1);
    expect(impact.moneyDay).toBeNull();
    expect(impact.missing.moneyDay).toBe('no-holdings-data');
    expect(impact.missing.benchmarkDayReturn).toBe('no-benchmark');
  });
});

describe('computeEventImpact with missing data', () => {
  it('leaves the 5d return open when the event is 3 sessions before the last bar', () => {
    // 9988.HK ends Fri 27 Feb 2026; session Tue 24 Feb has 25, 26, 27 after it.
    const impact = computeEventImpact(alibabaInput({ anchor: { sessionDate: '2026-02-24', anchored: false, anchoredFrom: null } }));
    // base Mon 23 Feb 152.2: 148 / 152.2 − 1 = −4.2 / 152.2 = −0.0275953
    expect(impact.dayReturn).toBeCloseTo(-0.0275953, 6);
    expect(impact.date1d).toBe('2026-02-25');
    expect(impact.return5d).toBeNull();
    expect(impact.money5d).toBeNull();
    expect(impact.missing.return5d).toBe('window-open');
  });

  it('never converts with an invented rate of 1 when the FX rate is unknown', () => {
    const impact = computeEventImpact(alibabaInput({ baseCurrency: 'EUR' }));
    expect(impact.moneyDay).toBeCloseTo(7800, 2);
    expect(impact.fxRate).toBeNull();
    expect(impact.moneyDayBase).toBeNull();
    expect(impact.missing.fxRate).toBe('no-fx-rate');
  });

  it('reports a benchmark without data after its last bar (^HSI ends 6 Mar 2026) instead of a stale move', () => {
    const impact = computeEventImpact({
      securityId: 1024,
      eventId: 'x',
      anchor: { sessionDate: '2026-03-09', anchored: false, anchoredFrom: null },
      bars: kuaishouHk,
      benchmark: { securityId: 1, bars: hsi },
      currency: 'HKD',
      baseCurrency: 'HKD',
    });
    // 60.55 / 61.45 − 1 = −0.9 / 61.45 = −0.0146461
    expect(impact.dayReturn).toBeCloseTo(-0.0146461, 6);
    expect(impact.benchmarkDayReturn).toBeNull();
    expect(impact.abnormalDayReturn).toBeNull();
    expect(impact.missing.benchmarkDayReturn).toBe('benchmark-no-data');
  });

  it('returns nulls with a reason for an event outside the price history, never NaN', () => {
    const impact = computeEventImpact(alibabaInput({ anchor: { sessionDate: null, anchored: true, anchoredFrom: '2026-02-28' } }));
    expect(impact.dayReturn).toBeNull();
    expect(impact.moneyDay).toBeNull();
    expect(impact.missing.dayReturn).toBe('no-session');
    expect(Object.values(impact).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
  });

  it('says "not held" when the holding was zero at the base date', () => {
    const impact = computeEventImpact(alibabaInput({ sharesHeldAt: (date) => (date >= '2026-01-12' ? 500 : 0) }));
    expect(impact.sharesHeld).toBe(0);
    expect(impact.moneyDay).toBeNull();
    expect(impact.missing.moneyDay).toBe('not-held');
  });
});

describe('a claim about a session that had already closed', () => {
  // "Alibaba soared more than 14 percent on Friday", published Friday 2025-02-21 17:59 HKT, after HKEX's 16:00 close:
  // anchored to Monday 2025-02-24 for the impact windows, but the claim is about Friday.
  const impact = computeEventImpact(
    alibabaInput({
      anchor: { sessionDate: '2025-02-24', anchored: true, anchoredFrom: '2025-02-21', reason: 'after-close', localDate: '2025-02-21' },
      claim: { percent: 14, qualifier: 'more-than', direction: 'up' },
    }),
  );

  it('is checked against that session’s close-to-close move', () => {
    // Friday 138.2085418701172 / Thursday 120.64557647705078 = 1.1455749… → +14.56 %, more than 14 %: consistent.
    expect(impact.claimDate).toBe('2025-02-21');
    expect(impact.claimMeasured).toBeCloseTo(138.2085418701172 / 120.64557647705078 - 1, 12);
    expect(impact.claimMeasured).toBeCloseTo(0.145575, 6);
    expect(impact.claimVerdict).toBe('consistent');
  });

  it('leaves the impact windows where they start: Monday against Friday', () => {
    // Monday 135.4144287109375 / Friday 138.2085418701172 = 0.979783… → −2.02 %.
    expect(impact.baseDate).toBe('2025-02-21');
    expect(impact.dayReturn).toBeCloseTo(135.4144287109375 / 138.2085418701172 - 1, 12);
    expect(impact.dayReturn).toBeCloseTo(-0.02022, 5);
  });

  it('still checks a Sunday article against the next session', () => {
    expect(computeEventImpact(alibabaInput()).claimDate).toBe('2026-01-12');
  });
});
