import { describe, expect, it } from 'vitest';
import { formatPoints, unrealisedWord } from './format';

describe('formatPoints', () => {
  it('writes a return difference in percentage points', () => {
    // 0.0532423 − 0.0143601 = 0.0388822 → +3.89 pp
    expect(formatPoints(0.0388822, 'en-GB')).toBe('+3.89\u00a0pp');
    expect(formatPoints(-0.0125, 'de-DE')).toBe('-1,25\u00a0pp');
    expect(formatPoints(null, 'en-GB')).toBe('—');
  });
});

describe('unrealisedWord', () => {
  it('spells it the locale’s way', () => {
    expect(unrealisedWord('en-US')).toBe('Unrealized');
    expect(unrealisedWord('en-GB')).toBe('Unrealised');
  });
});
