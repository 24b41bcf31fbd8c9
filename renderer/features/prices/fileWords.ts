import type { PricePreview } from '@shared/api/prices';
import type { PriceAdjustment } from '@shared/domain/prices/adjustment';
import type { PriceInterval } from '@shared/domain/prices/interval';
import { i18n } from '@renderer/i18n/i18n';

/**
 * A price file described in the reader's language: its format ("CSV (Semikolon-getrennt,
 * Dezimalkomma)"), its bar count in the interval's unit and what its close prices are. The
 * backend's formatLabel and describeClose (shared/domain/prices/file-labels.ts) are the English.
 */

const BARS = { daily: 'prices:bars.daily', weekly: 'prices:bars.weekly', monthly: 'prices:bars.monthly' } as const satisfies Record<PriceInterval, string>;
const INTERVALS = { daily: 'prices:interval.daily', weekly: 'prices:interval.weekly', monthly: 'prices:interval.monthly' } as const satisfies Record<PriceInterval, string>;
const ADJUSTED = {
  split: 'prices:closeWords.split',
  'split+dividend': 'prices:closeWords.splitDividend',
  none: 'prices:closeWords.none',
  unknown: 'prices:closeWords.unknown',
} as const satisfies Record<PriceAdjustment, string>;

/** "145 Monate", "3.210 Tage": the bar count in the interval's unit, plural by the library. */
export function barCount(interval: PriceInterval, count: number): string {
  return i18n.t(BARS[interval], { count });
}

/** "wöchentlich", "monthly". */
export function intervalWord(interval: PriceInterval): string {
  return i18n.t(INTERVALS[interval]);
}

/** "semicolon-separated", "Tabulator-getrennt". (The tab is named by its code: a backslash-t literal would hide the keys around it from the catalogue check.) */
function delimiterWord(delimiter: string): string {
  if (delimiter === ';') return i18n.t('prices:format.semicolon');
  if (delimiter === '|') return i18n.t('prices:format.pipe');
  if (delimiter.charCodeAt(0) === 9) return i18n.t('prices:format.tab');
  return i18n.t('prices:format.separated', { mark: delimiter });
}

/** The file's format: the export's own name (a brand, not translated), its separator and decimal mark: "Investing.com CSV (Dezimalkomma)". */
export function formatWords(preview: PricePreview): string {
  const mapping = preview.mapping;
  if (mapping.kind === 'json') return preview.formatLabel;
  const base = preview.sourceLabel ?? 'CSV';
  const notes: string[] = [];
  if (mapping.delimiter !== ',') notes.push(delimiterWord(mapping.delimiter));
  if (mapping.decimalSeparator === ',') notes.push(i18n.t('prices:format.decimalComma'));
  return notes.length > 0 ? i18n.t('prices:format.withNotes', { format: base, notes: notes.join(', ') }) : base;
}

/**
 * The close prices in words, meaning first ("split-adjusted Close", "Schluss, splitbereinigt"),
 * then the file's own header where it is not the English word ("(column “Zuletzt”)", "(Spalte 5)").
 */
export function closeWords(adjustment: PriceAdjustment, header: string | null): string {
  const written = (header ?? '').trim();
  const adjClose = /adj/i.test(written);
  const meaning = i18n.t(adjClose ? 'errors:priceColumn.adjClose' : 'errors:priceColumn.close');
  const base = i18n.t(ADJUSTED[adjustment], { meaning });
  if (written === '' || written.toLowerCase() === (adjClose ? 'adj close' : 'close')) return base;
  const position = /^column (\d+)$/.exec(written);
  return position ? i18n.t('prices:closeWords.atPosition', { close: base, column: Number(position[1]) }) : i18n.t('prices:closeWords.inColumn', { close: base, header: written });
}
