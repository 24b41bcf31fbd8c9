import type { CloseFrom, PriceFileMapping } from './mapping';

/**
 * What the imported close prices already account for. Returns computed from a
 * split-only series still miss dividends; a split+dividend series must not have
 * dividends added again. describeAdjustment() is the English note; the UI words it from prices:adjustmentNote by kind and close column.
 */
export const PRICE_ADJUSTMENTS = ['split', 'split+dividend', 'none', 'unknown'] as const;
/** What a price file can tell about itself ('none' is only ever the user's or the sample data's word). */
export const ADJUSTMENT_KINDS = ['split', 'split+dividend', 'unknown'] as const satisfies readonly PriceAdjustment[];
export const CLOSE_FROM = ['close', 'adjClose'] as const satisfies readonly CloseFrom[];

/**
 * How a stored price history was adjusted by its source. Yahoo's "Close" and Stooq's data are
 * divided by every later split ('split'; Stooq also removes dividends: 'split+dividend');
 * broker statements and old downloads carry the prices actually traded ('none').
 */
export type PriceAdjustment = (typeof PRICE_ADJUSTMENTS)[number];

export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** The adjustment a stored value names; anything else (an older or damaged row) is 'unknown'. */
export function parsePriceAdjustment(value: unknown): PriceAdjustment {
  return PRICE_ADJUSTMENTS.find((a) => a === value) ?? 'unknown';
}

export interface CloseAdjustment {
  closeFrom: CloseFrom;
  kind: AdjustmentKind;
}

/**
 * Yahoo's download (and yfinance with auto_adjust=False, which also writes Adj Close)
 * gives a Close adjusted for splits only and an Adj Close adjusted for splits and
 * dividends. yfinance files *without* an Adj Close column come from auto_adjust=True,
 * the default of history() and of download() since 0.2.51: there Close itself is
 * split+dividend adjusted (the float noise in old rows is the trace of that). Other
 * sources do not say, so they are 'unknown'.
 */
export function adjustmentOf(mapping: PriceFileMapping): CloseAdjustment {
  const closeFrom = mapping.closeFrom;
  const hasAdjClose = mapping.kind === 'delimited' ? mapping.columns.adjClose !== null : mapping.keys.adjClose !== null;
  const yahoo = mapping.source === 'yahoo-download' || mapping.source === 'yfinance-download' || mapping.source === 'yfinance-history';
  if (closeFrom === 'adjClose') return { closeFrom, kind: yahoo || mapping.source === 'alpha-vantage' ? 'split+dividend' : 'unknown' };
  if (!yahoo) return { closeFrom, kind: 'unknown' };
  return { closeFrom, kind: hasAdjClose ? 'split' : 'split+dividend' };
}

export function describeAdjustment(adjustment: CloseAdjustment): string {
  const column = adjustment.closeFrom === 'adjClose' ? 'the Adj Close column' : 'the Close column';
  switch (adjustment.kind) {
    case 'split':
      return `Prices come from ${column}, adjusted for stock splits but not for dividends. Returns will not include dividends unless you record them.`;
    case 'split+dividend':
      return `Prices come from ${column}, adjusted for stock splits and dividends. Do not record dividends again for returns, or they are counted twice.`;
    case 'unknown':
      return `Prices come from ${column}. The file does not say whether they are adjusted for splits or dividends; check a known split date in the chart.`;
  }
}
