import { describe, expect, it } from 'vitest';
import { datePattern, formatInputDate, parseInputDate } from './dateInput';

describe('date input in the chosen format', () => {
  it('follows English (UK), English (US) and German', () => {
    expect(datePattern('en-GB').placeholder).toBe('dd/mm/yyyy');
    expect(datePattern('en-US').placeholder).toBe('mm/dd/yyyy');
    expect(datePattern('de-DE').placeholder).toBe('dd.mm.yyyy');
    expect(formatInputDate('2026-01-05', 'en-GB')).toBe('05/01/2026');
    expect(formatInputDate('2026-01-05', 'en-US')).toBe('01/05/2026');
  });
  it('reads what was typed in that order and refuses a date that does not exist', () => {
    expect(parseInputDate('5/1/2026', 'en-GB')).toBe('2026-01-05');
    expect(parseInputDate('5/1/2026', 'en-US')).toBe('2026-05-01');
    expect(parseInputDate('31.02.2026', 'de-DE')).toBeNull();
    expect(parseInputDate('2026-02-03', 'en-GB')).toBe('2026-02-03');
  });
});
