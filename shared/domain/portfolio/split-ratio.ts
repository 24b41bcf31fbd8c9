import { keyedText } from '../common/errors';
import type { FieldError } from './transaction';

/** `from` old shares become `to` new shares: NVDA's 10-for-1 split is { from: 1, to: 10 }. */
export interface SplitRatio {
  from: number;
  to: number;
}

/** New shares per old share: 10 for NVDA's 1 → 10, 0.1 for a 10 → 1 reverse split. */
export function splitFactor(ratio: SplitRatio): number {
  return ratio.to / ratio.from;
}

export function validateSplitRatio(ratio: SplitRatio | undefined): FieldError[] {
  if (ratio === undefined) {
    return [{ field: 'splitRatio', ...keyedText('errors:fields.splitNeedsRatio') }];
  }
  const errors: FieldError[] = [];
  if (!Number.isFinite(ratio.from) || ratio.from <= 0) {
    errors.push({ field: 'splitRatio.from', ...keyedText('errors:fields.splitFrom') });
  }
  if (!Number.isFinite(ratio.to) || ratio.to <= 0) {
    errors.push({ field: 'splitRatio.to', ...keyedText('errors:fields.splitTo') });
  }
  if (errors.length === 0 && ratio.from === ratio.to) {
    errors.push({ field: 'splitRatio', ...keyedText('errors:fields.splitNoChange', { from: ratio.from, to: ratio.to }) });
  }
  return errors;
}
