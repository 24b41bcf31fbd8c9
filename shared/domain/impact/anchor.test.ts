import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors';
import { EXCHANGES } from '../securities/exchanges';
import { anchorEvent, anchorLabel } from './anchor';
import { FIXTURES_DIR } from '../../../test-support/fixtures';

const PRICES = `${FIXTURES_DIR}/prices/`;

/** Trading days of a yfinance download() CSV: every row that starts with a date. */
function sessionsOf(file: string): string[] {
  return readFileSync(PRICES + file, 'utf8')
    .split('\n')
    .filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))
    .map((line) => line.slice(0, 10));
}

const HKEX = EXCHANGES.HKEX!;
const NYSE = EXCHANGES.NYSE!;
const hk9988 = sessionsOf('yfinance-download-multiheader_9988.HK_2025-2026.csv');
const nyseBaba = sessionsOf('yfinance-download-flat_BABA_2025-2026.csv');

describe('anchorEvent', () => {
  it('moves the Sunday 2026-01-11 article (date only) to Monday 2026-01-12 on HKEX', () => {
    const result = anchorEvent({ date: '2026-01-11', time: null, timeZone: null }, HKEX, hk9988);
    expect(result).toEqual({
      sessionDate: '2026-01-12',
      anchored: true,
      anchoredFrom: '2026-01-11',
      reason: 'non-trading-day',
      localDate: '2026-01-11',
      localTime: null,
      approxDate: '2026-01-12',
      coverage: 'in-data',
    });
    expect(anchorLabel(result, 'en-GB')).toBe('anchored from Sun 11 Jan');
    expect(anchorLabel(result, 'de-DE')).toBe('verschoben vom So., 11. Jan.');
  });

  it('places Thu 27 Feb 2025 22:30 +08:00 on the same day in New York (09:30, before the close)', () => {
    // 22:30 at UTC+8 = 14:30 UTC; New York in February is EST (UTC-5) -> 09:30 on 27 Feb.
    const result = anchorEvent({ date: '2025-02-27', time: '22:30', timeZone: '+08:00' }, NYSE, nyseBaba);
    expect(result.localDate).toBe('2025-02-27');
    expect(result.localTime).toBe('09:30');
    expect(result.sessionDate).toBe('2025-02-27');
    expect(result.anchored).toBe(false);
    expect(result.anchoredFrom).toBeNull();
    expect(result.reason).toBeNull();
    expect(anchorLabel(result, 'en-GB')).toBeNull();
  });

  it('moves the same article to Fri 28 Feb on HKEX because 22:30 is after the 16:00 close', () => {
    const result = anchorEvent({ date: '2025-02-27', time: '22:30', timeZone: '+08:00' }, HKEX, hk9988);
    expect(result.localTime).toBe('22:30');
    expect(result.sessionDate).toBe('2025-02-28');
    expect(result.anchoredFrom).toBe('2025-02-27');
    expect(result.reason).toBe('after-close');
    expect(anchorLabel(result, 'en-GB')).toBe('anchored from Thu 27 Feb (after close)');
  });

  it('uses the daylight-saving offset: 04:30 HK on 14 Mar 2025 is 16:30 EDT on 13 Mar, after the NYSE close', () => {
    // US clocks moved to EDT (UTC-4) on 9 Mar 2025: 04:30 UTC+8 = 20:30 UTC on 13 Mar = 16:30 EDT.
    // With the winter offset it would be 15:30 and stay on 13 Mar, so this fails if DST is ignored.
    const result = anchorEvent({ date: '2025-03-14', time: '04:30', timeZone: 'Asia/Hong_Kong' }, NYSE, nyseBaba);
    expect(result.localDate).toBe('2025-03-13');
    expect(result.localTime).toBe('16:30');
    expect(result.sessionDate).toBe('2025-03-14');
    expect(result.reason).toBe('after-close');
  });

  it('skips a weekday holiday: Lunar New Year Wed 29 Jan 2025 -> Mon 3 Feb on HKEX', () => {
    const result = anchorEvent({ date: '2025-01-29', time: null, timeZone: null }, HKEX, hk9988);
    expect(result.sessionDate).toBe('2025-02-03');
    expect(result.reason).toBe('non-trading-day');
  });

  it('keeps a marker beyond the last bar (Fri 2026-02-27) on an estimated weekday', () => {
    expect(hk9988.at(-1)).toBe('2026-02-27');
    const result = anchorEvent({ date: '2026-02-28', time: null, timeZone: null }, HKEX, hk9988);
    expect(result.sessionDate).toBeNull();
    expect(result.coverage).toBe('after-data');
    expect(result.approxDate).toBe('2026-03-02');
    expect(result.anchoredFrom).toBe('2026-02-28');
    expect(result.reason).toBe('non-trading-day');
  });

  it('treats an after-close event on the last bar as beyond the data', () => {
    const result = anchorEvent({ date: '2026-02-27', time: '17:00', timeZone: 'Asia/Hong_Kong' }, HKEX, hk9988);
    expect(result.sessionDate).toBeNull();
    expect(result.approxDate).toBe('2026-03-02');
    expect(result.reason).toBe('after-close');
  });

  it('falls back to the next weekday when there are no sessions at all', () => {
    const result = anchorEvent({ date: '2026-01-11', time: null, timeZone: null }, HKEX, []);
    expect(result.coverage).toBe('no-data');
    expect(result.sessionDate).toBeNull();
    expect(result.approxDate).toBe('2026-01-12');
  });

  it('does not claim a session for events before the first bar', () => {
    const result = anchorEvent({ date: '2024-12-31', time: null, timeZone: null }, HKEX, hk9988);
    expect(result.coverage).toBe('before-data');
    expect(result.sessionDate).toBeNull();
    expect(result.approxDate).toBe('2024-12-31');
    expect(result.anchored).toBe(false);
  });

  it('rejects an unknown time zone with a validation error naming the zone', () => {
    const call = (): unknown => anchorEvent({ date: '2026-01-11', time: '10:00', timeZone: 'Mars/Olympus' }, HKEX, hk9988);
    expect(call).toThrow(AppError);
    expect(call).toThrow(/Mars\/Olympus/);
  });
});
