import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestSymbol } from './symbol';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const read = (name: string): string => readFileSync(`${FIXTURES_DIR}/prices/${name}`, 'utf8');

describe('suggestSymbol', () => {
  it.each([
    ['yfinance-history_9988.HK.csv', '9988.HK'],
    ['yahoo-download_^HSI.csv', '^HSI'],
    ['stooq_nvda_us_d.csv', 'NVDA'],
    ['nasdaq-api_JD.csv', 'JD'],
    ['investing-en_USD_HKD.csv', 'USDHKD=X'],
    ['yfinance-semicolon-decimal-comma_USDHKD=X_2025-2026.csv', 'USDHKD=X'],
    ['investing-de_DAX-futures_daily_2021-10_2021-11.csv', 'DAX'],
  ])('from the file name %s → %s', (file, symbol) => {
    expect(suggestSymbol(file, read(file))).toBe(symbol);
  });

  it('prefers the ticker row of a yfinance multi-line header over the file name', () => {
    expect(suggestSymbol('prices.csv', read('yfinance-download-multiheader_9988.HK_2025-2026.csv'))).toBe('9988.HK');
    expect(suggestSymbol('prices.csv', read('yfinance-download-3rowheader_^HSI_2025-09_2026-03.csv'))).toBe('^HSI');
  });

  it('reads the Ticker column of the intraday log', () => {
    expect(suggestSymbol('trades.csv', read('intraday-1min_BABA_2026-01-29.csv'))).toBe('BABA');
  });

  it("reads Alpha Vantage's 2. Symbol", () => {
    const av = '{"Meta Data": {"1. Information": "Daily Prices", "2. Symbol": "IBM"}, "Time Series (Daily)": {}}';
    expect(suggestSymbol('query.json', av)).toBe('IBM');
  });

  it('returns null when nothing looks like a ticker', () => {
    expect(suggestSymbol('prices.csv', 'Date,Close\n2024-01-02,1\n')).toBeNull();
  });
});
