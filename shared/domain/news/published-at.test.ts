import { describe, expect, it } from 'vitest';
import { dateFromFileName, findDateInText, parseTimestamp } from './published-at';

describe('parseTimestamp', () => {
  it.each([
    ['Thu, 27 Feb 2025 09:53:00 +0800', { date: '2025-02-27', time: '09:53', timeZone: '+08:00' }],
    ['Wed, 12 Feb 2025 05:54:00 GMT', { date: '2025-02-12', time: '05:54', timeZone: '+00:00' }],
    ['Mon, 6 Jan 2026 16:05 EST', { date: '2026-01-06', time: '16:05', timeZone: '-05:00' }],
    ['2026-01-12T09:30:00+01:00', { date: '2026-01-12', time: '09:30', timeZone: '+01:00' }],
    ['2026-01-12 23:59', { date: '2026-01-12', time: '23:59', timeZone: null }],
    ['2026-04-16', { date: '2026-04-16', time: null, timeZone: null }],
    ['11.01.2026', { date: '2026-01-11', time: null, timeZone: null }],
    ['01/29/2026', { date: '2026-01-29', time: null, timeZone: null }],
    ['29/01/2026', { date: '2026-01-29', time: null, timeZone: null }],
    ['20260111', { date: '2026-01-11', time: null, timeZone: null }],
  ])('%s', (raw, expected) => {
    expect(parseTimestamp(raw)).toEqual(expected);
  });

  it('rejects impossible or empty dates', () => {
    expect(parseTimestamp('2026-02-30')).toBeNull();
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp('soon')).toBeNull();
  });
});

describe('dates in text and file names', () => {
  it('finds the first written date', () => {
    expect(findDateInText('Hongkong (11. Januar 2026) – am 12. Januar 2026 …')?.date).toBe('2026-01-11');
    expect(findDateInText('Posted January 9th, 2026 by staff')?.date).toBe('2026-01-09');
    expect(findDateInText('no date')).toBeNull();
  });

  it('reads ISO and compact dates in file names', () => {
    expect(dateFromFileName('/a/de-2026-01-11-alibaba-im-aufwind.txt')).toBe('2026-01-11');
    expect(dateFromFileName('news_20250227.csv')).toBe('2025-02-27');
    expect(dateFromFileName('headlines_NVDA_date-headline.csv')).toBeNull();
  });
});
