import { describe, expect, it } from 'vitest';
import { instantOf, localDateIn } from './news-event';

const at = (date: string, time: string | null, timeZone: string | null) => ({ date, time, timeZone });

describe('instantOf', () => {
  it('converts a fixed offset', () => {
    // 27 Feb 2025 22:30 at +08:00 = 14:30 UTC.
    expect(instantOf(at('2025-02-27', '22:30', '+08:00'))).toBe(Date.UTC(2025, 1, 27, 14, 30));
  });

  it('converts IANA zones on both sides of daylight saving', () => {
    // New York is UTC-5 in January (EST) and UTC-4 in July (EDT).
    expect(instantOf(at('2026-01-12', '09:30', 'America/New_York'))).toBe(Date.UTC(2026, 0, 12, 14, 30));
    expect(instantOf(at('2025-07-01', '09:30', 'America/New_York'))).toBe(Date.UTC(2025, 6, 1, 13, 30));
    // Hong Kong has no DST: always UTC+8.
    expect(instantOf(at('2026-01-12', '00:15', 'Asia/Hong_Kong'))).toBe(Date.UTC(2026, 0, 11, 16, 15));
  });

  it('is null without a time or a zone', () => {
    expect(instantOf(at('2026-01-11', null, null))).toBeNull();
    expect(instantOf(at('2026-01-11', '10:00', null))).toBeNull();
    expect(instantOf(at('2026-01-11', '10:00', 'Mars/Olympus'))).toBeNull();
  });
});

describe('localDateIn', () => {
  it('places a Hong Kong evening story on the same New York day, before the open', () => {
    // 22:30 HKT = 14:30 UTC = 09:30 EST, still 27 Feb in New York.
    const e = at('2025-02-27', '22:30', '+08:00');
    expect(localDateIn(e, 'Asia/Hong_Kong')).toBe('2025-02-27');
    expect(localDateIn(e, 'America/New_York')).toBe('2025-02-27');
  });

  it('moves an early Hong Kong story to the previous New York day', () => {
    // 09:53 HKT = 01:53 UTC = 20:53 EST on 26 Feb.
    expect(localDateIn(at('2025-02-27', '09:53', '+08:00'), 'America/New_York')).toBe('2025-02-26');
    // and a late New York story to the next Hong Kong day: 21:00 EST = 02:00 UTC = 10:00 HKT next day.
    expect(localDateIn(at('2026-01-09', '21:00', 'America/New_York'), 'Asia/Hong_Kong')).toBe('2026-01-10');
  });

  it('keeps the publication day when the time is unknown', () => {
    expect(localDateIn(at('2026-01-11', null, null), 'America/New_York')).toBe('2026-01-11');
  });
});
