import type { ErrorText } from '../common/errors';
import type { ColumnMapping } from './column-roles';
import type { DateFormat } from './date-formats';
import type { DecimalSeparator, ThousandsSeparator } from './numbers';

export type Delimiter = ',' | ';' | '\t' | '|';

/** Where a file most likely came from; decides what its Close column means. */
export type PriceFileSource =
  | 'yahoo-download'
  | 'yfinance-history'
  | 'yfinance-download'
  | 'investing'
  | 'nasdaq'
  | 'stooq'
  | 'alpha-vantage'
  | 'generic';

/** Which column feeds PriceBar.close; the user may switch to Adj Close when the file has one. */
export type CloseFrom = 'close' | 'adjClose';

interface MappingBase {
  dateFormat: DateFormat;
  /** Rows are minute (or other sub-daily) bars: import through aggregateIntradayToDaily. */
  intraday: boolean;
  closeFrom: CloseFrom;
  source: PriceFileSource;
}

/**
 * Everything needed to read a delimited file, as plain JSON so the app can store the
 * mapping a user confirmed and reuse it for files with the same shapeKey.
 */
export interface DelimitedPriceFileMapping extends MappingBase {
  kind: 'delimited';
  delimiter: Delimiter;
  /** Records before the first data row: preamble, header and yfinance ticker/'Date' rows. */
  headerLineCount: number;
  /** 1-based physical line of the first data row in the file that was detected. */
  firstDataLine: number;
  /** Fields per row; rows with a different count are rejected as ragged. */
  fieldCount: number;
  columns: ColumnMapping;
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
}

/** JSON key per role; null when absent. */
export interface JsonKeys {
  date: string | null; // null: the date is the object key (Alpha Vantage)
  open: string | null;
  high: string | null;
  low: string | null;
  close: string;
  adjClose: string | null;
  volume: string | null;
}

export interface JsonPriceFileMapping extends MappingBase {
  kind: 'json';
  /** 'array': [{date, open, …}, …] (also under a top-level key); 'keyed-by-date': Alpha Vantage. */
  shape: 'array' | 'keyed-by-date';
  /** Top-level key holding the rows ('Time Series (Daily)', 'data', …); null for a bare array. */
  seriesKey: string | null;
  keys: JsonKeys;
}

export type PriceFileMapping = DelimitedPriceFileMapping | JsonPriceFileMapping;

export type DetectionConfidence = 'high' | 'medium' | 'low';

export interface PriceFileDetection {
  mapping: PriceFileMapping;
  /** Stable across files of the same layout (e.g. every Yahoo download); key for remembered mappings. */
  shapeKey: string;
  confidence: DetectionConfidence;
  /** Sentences for the user, each about something they should confirm (English, with its catalogue key and values). Empty when sure. */
  uncertainties: (ErrorText & { message: string })[];
  /** Day-first and month-first both fit every row; the UI should ask. */
  dateFormatAmbiguous: boolean;
  dateFormatAlternatives: DateFormat[];
  /** Header names as written, for the mapping screen. */
  headers: string[];
  /** A few data rows as text, for the preview. */
  sampleRows: string[][];
  suggestedSymbol: string | null;
}
