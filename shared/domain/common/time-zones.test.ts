import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { convertWallTime, utcToWallTime, wallTimeToUtc } from './time-zones';

describe('utcToWallTime', () => {
  it('follows New York across the spring change (02:00 EST → 03:00 EDT on 8 Mar 2026)', () => {
    // 06:59 UTC is 01:59 EST (UTC−5); a minute later, 07:00 UTC, is 03:00 EDT (UTC−4)
    expect(utcToWallTime(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toEqual({ date: '2026-03-08', time: '01:59' });
    expect(utcToWallTime(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:00' });
  });
  it('follows Berlin across the autumn change (03:00 CEST → 02:00 CET on 25 Oct 2026)', () => {
    // 00:59 UTC is 02:59 CEST (UTC+2); 01:00 UTC is 02:00 CET (UTC+1)
    expect(utcToWallTime(Date.UTC(2026, 9, 25, 0, 59), 'Europe/Berlin')).toEqual({ date: '2026-10-25', time: '02:59' });
    expect(utcToWallTime(Date.UTC(2026, 9, 25, 1, 0), 'Europe/Berlin')).toEqual({ date: '2026-10-25', time: '02:00' });
  });
  it('crosses midnight into the next day in Hong Kong (UTC+8)', () => {
    // 16:30 UTC + 8 h = 00:30 the next day
    expect(utcToWallTime(Date.UTC(2026, 0, 11, 16, 30), 'Asia/Hong_Kong')).toEqual({ date: '2026-01-12', time: '00:30' });
  });
  it('agrees with Intl at 5,000 instants over twenty years in zones with and without daylight saving', () => {
    const random = seededRandom(7);
    const from = Date.UTC(2006, 0, 1);
    const to = Date.UTC(2026, 0, 1);
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Hong_Kong']) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      for (let i = 0; i < 1000; i++) {
        const utcMs = from + Math.floor(random() * (to - from));
        const p = Object.fromEntries(intl.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
        expect(utcToWallTime(utcMs, zone)).toEqual({ date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` });
      }
    }
  });
});

describe('convertWallTime', () => {
  it('puts 22:30 in Hong Kong at 09:30 in New York in January', () => {
    // HK is UTC+8, New York UTC−5 in winter: 22:30 − 8 h = 14:30 UTC − 5 h = 09:30
    expect(convertWallTime({ date: '2026-01-12', time: '22:30' }, 'Asia/Hong_Kong', 'America/New_York')).toEqual({ date: '2026-01-12', time: '09:30' });
  });
  it('reads a wall time in a zone back to its instant, on both sides of a change', () => {
    // 01:30 EST = 06:30 UTC; 03:30 EDT = 07:30 UTC (8 Mar 2026)
    expect(wallTimeToUtc({ date: '2026-03-08', time: '01:30' }, 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(wallTimeToUtc({ date: '2026-03-08', time: '03:30' }, 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });
});
