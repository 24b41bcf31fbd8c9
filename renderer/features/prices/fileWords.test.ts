import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n/i18n';
import { barCount, closeWords, intervalWord } from './fileWords';

afterEach(() => void i18n.changeLanguage('en'));

describe('price file words', () => {
  it('names the close column and its adjustment in German, the file’s own header quoted', () => {
    void i18n.changeLanguage('de');
    expect(closeWords('split', 'Close')).toBe('Schluss, splitbereinigt');
    expect(closeWords('split+dividend', 'Adj Close')).toBe('Bereinigter Schluss, split- und dividendenbereinigt');
    expect(closeWords('unknown', 'Zuletzt')).toBe('Schluss, Bereinigung nicht angegeben (Spalte „Zuletzt“)');
    expect(closeWords('none', 'column 5')).toBe('Schluss, unbereinigt (Spalte 5)');
    // 3,210 days: German groups with a dot; 1 month is singular.
    expect(barCount('daily', 3210)).toBe('3.210 Tage');
    expect(barCount('monthly', 1)).toBe('1 Monat');
    expect(intervalWord('weekly')).toBe('wöchentlich');
  });

  it('keeps the English wording the backend used', () => {
    expect(closeWords('split', 'Close')).toBe('split-adjusted Close');
    expect(closeWords('unknown', 'Zuletzt')).toBe('Close, adjustment not stated (column “Zuletzt”)');
    expect(barCount('monthly', 145)).toBe('145 months');
    expect(barCount('weekly', 1)).toBe('1 week');
  });
});
