export { decodePriceFileBytes, type DecodedText, type TextEncoding } from './decode';
export { detectPriceFile, parsePriceFile, parsePriceFileColumns, type PriceColumnsResult, type PriceFileResult } from './price-file';
export { aggregateIntradayToDaily } from './intraday';
export { suggestSymbol } from './symbol';
export {
  ADJUSTMENT_KINDS,
  adjustmentOf,
  CLOSE_FROM,
  describeAdjustment,
  parsePriceAdjustment,
  PRICE_ADJUSTMENTS,
  type AdjustmentKind,
  type CloseAdjustment,
  type PriceAdjustment,
} from './adjustment';
export { columnsToBars, type PriceColumns, type PriceParseStats, type RejectedRow } from './price-columns';
export { DATE_FORMATS, readDate, type DateFormat } from './date-formats';
export { PRICE_COLUMN_ROLES, type ColumnMapping, type PriceColumnRole } from './column-roles';
export type { NumberFormat, DecimalSeparator, ThousandsSeparator } from './numbers';
export type * from './mapping';
export { barCountWords, barPeriodKind, detectInterval, PRICE_INTERVALS, type PriceInterval } from './interval';
