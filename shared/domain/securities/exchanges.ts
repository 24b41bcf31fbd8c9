/**
 * Where a listing trades and in which time zone its calendar days run. Events are
 * placed on each exchange's own calendar, so the zone matters more than the name.
 */
export interface Exchange {
  code: string;
  name: string;
  timeZone: string; // IANA zone
  /** Regular session close, local time 'HH:MM': news after it moves the next session. */
  close: string;
}

export const EXCHANGES: Record<string, Exchange> = {
  HKEX: { code: 'HKEX', name: 'Hong Kong Stock Exchange', timeZone: 'Asia/Hong_Kong', close: '16:00' },
  NYSE: { code: 'NYSE', name: 'New York Stock Exchange', timeZone: 'America/New_York', close: '16:00' },
  NASDAQ: { code: 'NASDAQ', name: 'Nasdaq', timeZone: 'America/New_York', close: '16:00' },
  OTC: { code: 'OTC', name: 'US over-the-counter (OTC Markets)', timeZone: 'America/New_York', close: '16:00' },
  XETRA: { code: 'XETRA', name: 'Xetra (Frankfurt)', timeZone: 'Europe/Berlin', close: '17:30' },
  SSE: { code: 'SSE', name: 'Shanghai Stock Exchange', timeZone: 'Asia/Shanghai', close: '15:00' },
  SZSE: { code: 'SZSE', name: 'Shenzhen Stock Exchange', timeZone: 'Asia/Shanghai', close: '15:00' },
  LSE: { code: 'LSE', name: 'London Stock Exchange', timeZone: 'Europe/London', close: '16:30' },
  FX: { code: 'FX', name: 'Currency market', timeZone: 'UTC', close: '23:59' },
  INDEX: { code: 'INDEX', name: 'Index', timeZone: 'UTC', close: '23:59' },
};

export function exchangeOf(code: string): Exchange {
  return EXCHANGES[code] ?? { code, name: code, timeZone: 'UTC', close: '23:59' };
}
