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
    return [{ field: 'splitRatio', message: 'A split needs a ratio, for example 1 → 10.' }];
  }
  const errors: FieldError[] = [];
  if (!Number.isFinite(ratio.from) || ratio.from <= 0) {
    errors.push({ field: 'splitRatio.from', message: 'The number of old shares in the split ratio must be greater than zero.' });
  }
  if (!Number.isFinite(ratio.to) || ratio.to <= 0) {
    errors.push({ field: 'splitRatio.to', message: 'The number of new shares in the split ratio must be greater than zero.' });
  }
  if (errors.length === 0 && ratio.from === ratio.to) {
    errors.push({ field: 'splitRatio', message: `A ${ratio.from}:${ratio.to} split changes nothing; check the ratio.` });
  }
  return errors;
}
