import { describe, expect, it } from 'vitest';
import { nextTheme } from './theme';

describe('View ▸ Switch Light/Dark', () => {
  it('flips what the user sees, also when the theme follows the system', () => {
    expect(nextTheme('light', true)).toBe('dark');
    expect(nextTheme('dark', false)).toBe('light');
    expect(nextTheme('system', true)).toBe('light'); // the system shows dark, so switch to light
    expect(nextTheme('system', false)).toBe('dark');
  });
});
