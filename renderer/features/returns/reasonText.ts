import type { Reason } from '@shared/api/returns';
import { i18n } from '@renderer/i18n/i18n';
import { formatDate } from '@renderer/ui/format';

/**
 * The catalogue text of each reason code the backend sends (shared/domain/returns/result.ts), so a
 * missing figure says why in the reader's language. Keys written whole for the catalogue check.
 */
const REASON_KEYS = {
  MISSING_PRICE: 'returns:reason.missingPrice',
  MISSING_FX: 'returns:reason.missingFx',
  NO_VALUATIONS: 'returns:reason.noValuations',
  EMPTY_PERIOD: 'returns:reason.emptyPeriod',
  NO_SIGN_CHANGE: 'returns:reason.noSignChange',
  NO_ROOT: 'returns:reason.noRoot',
  TOO_FEW_OBSERVATIONS: 'returns:reason.tooFewObservations',
  MISSING_BENCHMARK_PRICE: 'returns:reason.missingBenchmarkPrice',
  ZERO_BASE: 'returns:reason.zeroBase',
  VALUE_WITHOUT_CAPITAL: 'returns:reason.valueWithoutCapital',
  PERIOD_SHORTENED: 'returns:reason.periodShortened',
  BENCHMARK_SHORTENED: 'returns:reason.benchmarkShortened',
  FLOWS_AFTER_LAST_VALUATION: 'returns:reason.flowsAfterLastValuation',
} as const;

/** Params that hold a day ('2026-01-12'), written as the reader writes dates. */
const DATE_PARAMS = new Set(['date', 'start', 'end', 'firstDate', 'lastDate', 'requestedStart']);

const isKnown = (code: string): code is keyof typeof REASON_KEYS => code in REASON_KEYS;

/** Why a figure is missing (or what to know about it), in the reader's language; the backend's English for a code this build does not know. */
export function reasonText(reason: Reason, locale: string): string {
  if (!isKnown(reason.code)) return reason.message;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params)) {
    if (value === null) continue;
    values[name] = DATE_PARAMS.has(name) && typeof value === 'string' && value !== '' ? formatDate(value, locale) : value;
  }
  // Counts drive the plural forms.
  for (const name of ['days', 'observations', 'count']) {
    const n = reason.params[name];
    if (typeof n === 'number') values.count = n;
  }
  const code = reason.code;
  if (code === 'MISSING_PRICE' && values.date === undefined) return i18n.t('returns:reason.missingPriceUndated', values);
  if (code === 'NO_VALUATIONS' && (values.start === undefined || values.start === '')) return i18n.t('returns:reason.nothingHeld');
  return i18n.t(REASON_KEYS[code], values);
}
