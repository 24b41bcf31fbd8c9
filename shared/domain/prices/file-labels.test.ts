import { describe, expect, it } from 'vitest';
import { describeClose } from './file-labels';

describe('describeClose', () => {
  it('names the meaning first and a foreign header as the column it came from', () => {
    expect(describeClose('unknown', 'Zuletzt')).toBe('Close, adjustment not stated (column “Zuletzt”)');
    expect(describeClose('split', 'Close')).toBe('split-adjusted Close');
    expect(describeClose('split+dividend', 'Adj Close')).toBe('split- and dividend-adjusted Adj Close');
  });
  it('keeps a headerless file’s column number apart from the adjustment', () => {
    expect(describeClose('split', 'column 5')).toBe('split-adjusted Close (column 5)');
    expect(describeClose('unknown', null)).toBe('Close, adjustment not stated');
  });
});
