import { describe, expect, it } from 'vitest';
import { checkClaim } from './claim-verdict';

// Moves below are the 9988.HK session of Mon 12 Jan 2026 against the Friday close 146.5:
// close 154.3 → +0.0532423, high 154.6 → +0.0552901, low 146.0 → −0.0034130.
const monday = { closeReturn: 0.0532423, highReturn: 0.0552901, lowReturn: -0.003413 };

describe('checkClaim', () => {
  it('compares "about 5 %" with the close: 5.32 % is within 5 % ± 0.5 pp', () => {
    expect(checkClaim({ percent: 5, qualifier: 'about', direction: 'up' }, monday)).toEqual({
      verdict: 'consistent',
      measured: 0.0532423,
      basis: 'close',
    });
  });

  it('calls "about 8 %" overstated (5.32 % < 8 % − 0.8 pp) and "about 3 %" understated (5.32 % > 3.5 %)', () => {
    expect(checkClaim({ percent: 8, qualifier: 'about', direction: 'up' }, monday).verdict).toBe('overstated');
    expect(checkClaim({ percent: 3, qualifier: 'about', direction: 'up' }, monday).verdict).toBe('understated');
  });

  it('uses the intraday high for "up to": 5.53 % against "up to 5.5 %" is consistent', () => {
    const check = checkClaim({ percent: 5.5, qualifier: 'up-to', direction: 'up' }, monday);
    expect(check.basis).toBe('intraday-high');
    expect(check.verdict).toBe('consistent');
  });

  it('cannot call "up to" overstated from a close alone, since the peak is at least the close', () => {
    const closeOnly = { closeReturn: 0.0532423, highReturn: null, lowReturn: null };
    expect(checkClaim({ percent: 9, qualifier: 'up-to', direction: 'up' }, closeOnly)).toEqual({
      verdict: 'consistent',
      measured: 0.0532423,
      basis: 'close',
    });
    expect(checkClaim({ percent: 2, qualifier: 'up-to', direction: 'up' }, closeOnly).verdict).toBe('understated');
  });

  it('reads a claimed fall against the low and a rise as contradicting it', () => {
    const fall = checkClaim({ percent: 0.3, qualifier: 'up-to', direction: 'down' }, monday);
    expect(fall.basis).toBe('intraday-low');
    expect(fall.verdict).toBe('consistent');
    // "fell about 2 %" on a day that rose 5.3 %: the move along the claim is −5.3 % → overstated.
    expect(checkClaim({ percent: 2, qualifier: 'about', direction: 'down' }, monday).verdict).toBe('overstated');
  });

  it('treats "more than" and "less than" as one-sided bounds', () => {
    expect(checkClaim({ percent: 4, qualifier: 'more-than', direction: 'up' }, monday).verdict).toBe('consistent');
    expect(checkClaim({ percent: 7, qualifier: 'more-than', direction: 'up' }, monday).verdict).toBe('overstated');
    expect(checkClaim({ percent: 7, qualifier: 'less-than', direction: 'up' }, monday).verdict).toBe('consistent');
    expect(checkClaim({ percent: 4, qualifier: 'less-than', direction: 'up' }, monday).verdict).toBe('understated');
  });

  it('answers n/a without a claim or a measured move', () => {
    expect(checkClaim(null, monday).verdict).toBe('n/a');
    expect(checkClaim({ percent: 4, qualifier: null, direction: 'up' }, { closeReturn: null, highReturn: null, lowReturn: null }).verdict).toBe('n/a');
  });
});
