import { describe, expect, it } from 'vitest';
import { guessDateOrder, parseDateCell } from './date-cells';

const date = (raw: string, order: 'DMY' | 'MDY' = 'MDY'): string => {
  const r = parseDateCell(raw, order);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parseDateCell', () => {
  it('reads every format the fixtures use', () => {
    expect(date('2024-01-15')).toBe('2024-01-15');
    expect(date('2021-08-06T00:00:00.000000Z')).toBe('2021-08-06'); // Trade Republic, µs + Z
    expect(date('2023-12-18 14:30:03.613')).toBe('2023-12-18'); // Trading 212
    expect(date('04/27/2023', 'MDY')).toBe('2023-04-27'); // Schwab
    expect(date('04/17/2023 as of 04/15/2023', 'MDY')).toBe('2023-04-17'); // posting date, not effective
    expect(date('17/11/2021', 'DMY')).toBe('2021-11-17');
    expect(date('01.01.2022', 'MDY')).toBe('2022-01-01'); // dotted is day-first whatever the order
    expect(date('16-09-2021', 'DMY')).toBe('2021-09-16');
    expect(date('02-Apr-2025')).toBe('2025-04-02'); // Saxo
    expect(date('20230403;095853')).toBe('2023-04-03'); // IBKR DateTime
    expect(date('20500606')).toBe('2050-06-06');
    expect(date('23/12/24 15:18:12', 'DMY')).toBe('2024-12-23'); // InvestEngine two-digit year
  });

  it('rejects impossible dates with the expected format in the message', () => {
    expect(parseDateCell('16/09/2021', 'MDY')).toMatchObject({ ok: false, reason: expect.stringContaining('MM/DD/YYYY') });
    expect(parseDateCell('2023-02-29', 'MDY').ok).toBe(false); // 2023 is not a leap year
    expect(parseDateCell('yesterday', 'DMY').ok).toBe(false);
    expect(parseDateCell('', 'DMY')).toEqual({ ok: false, reason: 'the date is empty', text: { key: 'errors:cells.dateEmpty' } });
  });
});

describe('guessDateOrder', () => {
  it('decides by parts above 12, else falls back', () => {
    expect(guessDateOrder(['15/01/2024', '01/02/2024'], 'MDY')).toBe('DMY');
    expect(guessDateOrder(['05/06/2025', '03/15/2025'], 'DMY')).toBe('MDY');
    expect(guessDateOrder(['01/02/2024'], 'DMY')).toBe('DMY');
  });
});
