import { describe, expect, it } from 'vitest';
import { incomeByMonth, incomeBySecurity, incomeByYear, incomeTotals, trailingTwelveMonths, trailingYield, yieldOnCost, type IncomeEvent } from './index';

// Base EUR. Alibaba (id 1) pays HK$ dividends booked in EUR with 10 % withheld; Apple (id 2) quarterly with
// 15 % withheld; interest on cash has no tax withheld here.
const events: IncomeEvent[] = [
  { date: '2024-06-14', kind: 'dividend', securityId: 1, gross: '21.10', tax: '2.11' },
  { date: '2024-11-15', kind: 'dividend', securityId: 2, gross: '3.33', tax: '0.50' },
  { date: '2025-01-31', kind: 'interest', securityId: null, gross: '1.07', tax: '0' },
  { date: '2025-02-14', kind: 'dividend', securityId: 2, gross: '3.33', tax: '0.50' },
  { date: '2025-02-28', kind: 'interest', securityId: null, gross: '0.98', tax: '0' },
  { date: '2025-06-13', kind: 'dividend', securityId: 1, gross: '24.40', tax: '2.44' },
];

describe('income', () => {
  it('sums per year exactly: gross, tax withheld and net', () => {
    // 2024: dividends 21.10 + 3.33 = 24.43 gross, 2.11 + 0.50 = 2.61 tax, 21.82 net; no interest.
    // 2025: dividends 3.33 + 24.40 = 27.73 gross, 0.50 + 2.44 = 2.94 tax, 24.79 net; interest 1.07 + 0.98 = 2.05.
    expect(incomeByYear(events, 'EUR')).toEqual([
      {
        key: '2024',
        dividends: { gross: 24.43, tax: 2.61, net: 21.82 },
        interest: { gross: 0, tax: 0, net: 0 },
        total: { gross: 24.43, tax: 2.61, net: 21.82 },
      },
      {
        key: '2025',
        dividends: { gross: 27.73, tax: 2.94, net: 24.79 },
        interest: { gross: 2.05, tax: 0, net: 2.05 },
        total: { gross: 29.78, tax: 2.94, net: 26.84 },
      },
    ]);
  });

  it('gives every month from the first to the last payment, empty months as zero', () => {
    const months = incomeByMonth(events, 'EUR');
    // June 2024 to June 2025: 13 bars.
    expect(months.map((m) => m.key)).toEqual([
      '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
    ]);
    expect(months[1]?.total).toEqual({ gross: 0, tax: 0, net: 0 });
    // February 2025: Apple 3.33 − 0.50 = 2.83 net plus 0.98 interest = 3.81 net.
    expect(months[8]?.total).toEqual({ gross: 4.31, tax: 0.5, net: 3.81 });
    expect(incomeByMonth(events, 'EUR', { from: '2025-01-01', to: '2025-03-31' }).map((m) => [m.key, m.total.net])).toEqual([
      ['2025-01', 1.07],
      ['2025-02', 3.81],
      ['2025-03', 0],
    ]);
    expect(incomeByMonth([], 'EUR')).toEqual([]);
  });

  it('adds many small amounts without drift', () => {
    // 1,000 interest credits of 0.10: exactly 100.00, where floating point sums to 99.9999999999986.
    const credits = Array.from({ length: 1000 }, (): IncomeEvent => ({ date: '2025-03-01', kind: 'interest', securityId: null, gross: 0.1, tax: 0 }));
    expect(incomeTotals(credits, 'EUR').interest.gross).toBe(100);
  });

  it('groups per security, largest net first, leaving interest on cash out', () => {
    // Alibaba: 21.10 + 24.40 = 45.50 gross, 2.11 + 2.44 = 4.55 tax, 40.95 net. Apple: 6.66, 1.00, 5.66.
    const bySecurity = incomeBySecurity(events, 'EUR');
    expect(bySecurity.map((s) => [s.securityId, s.dividends])).toEqual([
      [1, { gross: 45.5, tax: 4.55, net: 40.95 }],
      [2, { gross: 6.66, tax: 1, net: 5.66 }],
    ]);
  });

  it('rounds to the base currency minor unit, once', () => {
    // Yen: 100.4 + 100.4 = 200.8 → ¥201 (rounding each first would give 100 + 100 = 200).
    const yen: IncomeEvent[] = [
      { date: '2025-01-10', kind: 'dividend', securityId: 3, gross: '100.4', tax: '0' },
      { date: '2025-02-10', kind: 'dividend', securityId: 3, gross: '100.4', tax: '0' },
    ];
    expect(incomeTotals(yen, 'JPY').dividends.gross).toBe(201);
  });
});

describe('yields', () => {
  it('looks back twelve months including the day asked for', () => {
    expect(trailingTwelveMonths('2025-06-13')).toEqual({ from: '2024-06-14', to: '2025-06-13' });
    expect(trailingTwelveMonths('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });

  it('gives the trailing-12-month yield and the yield on cost, gross and net', () => {
    // Alibaba, as of 2025-06-13: both dividends (14 Jun 2024 and 13 Jun 2025) lie in the twelve months:
    // gross 45.50, net 40.95. Market value €1,000 → 4.55 % gross, 4.095 % net. Cost €1,300 → 3.5 % gross, 3.15 % net.
    const alibaba = events.filter((e) => e.securityId === 1);
    const trailing = trailingYield(alibaba, 1000, '2025-06-13', 'EUR');
    expect(trailing.kind === 'ok' && [trailing.gross, trailing.net]).toEqual([0.0455, 0.04095]);
    const onCost = yieldOnCost(alibaba, 1300, '2025-06-13', 'EUR');
    expect(onCost.kind === 'ok' && onCost.gross).toBeCloseTo(0.035, 12);
    expect(onCost.kind === 'ok' && onCost.net).toBeCloseTo(0.0315, 12);
    // A day later the June 2024 dividend drops out: 24.40 / 1,000 = 2.44 %.
    const later = trailingYield(alibaba, 1000, '2025-06-14', 'EUR');
    expect(later.kind === 'ok' && later.gross).toBeCloseTo(0.0244, 12);
  });

  it('is unavailable over a cost or value of zero', () => {
    expect(yieldOnCost(events, 0, '2025-06-13', 'EUR')).toEqual({ kind: 'unavailable', reason: { code: 'ZERO_BASE', params: {} } });
  });
});
