import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../common/dates';
import { barCountWords, detectInterval } from './interval';

const days = (dates: string[]): number[] => dates.map(toEpochDay);

describe('detectInterval', () => {
  it('reads month starts as monthly, with a missing month in between', () => {
    // gaps 31, 29 (2020 is a leap year), 31, 61 (April missing): median 31
    expect(detectInterval(days(['2020-01-01', '2020-02-01', '2020-03-01', '2020-04-01', '2020-06-01']))).toBe('monthly');
  });
  it('reads Monday-dated rows as weekly even across a holiday week', () => {
    // gaps 7, 7, 14, 7: median 7
    expect(detectInterval(days(['2025-01-06', '2025-01-13', '2025-01-20', '2025-02-03', '2025-02-10']))).toBe('weekly');
  });
  it('reads trading days with a weekend as daily', () => {
    // Thu, Fri, Mon, Tue: gaps 1, 3, 1: median 1
    expect(detectInterval(days(['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07']))).toBe('daily');
  });
  it('calls two bars daily: too few to tell', () => {
    expect(detectInterval(days(['2020-01-01', '2020-02-01']))).toBe('daily');
  });
});

describe('barCountWords', () => {
  it('names the unit of the interval', () => {
    expect(barCountWords('monthly', 145, String)).toBe('145 months');
    expect(barCountWords('weekly', 1, String)).toBe('1 week');
  });
});
