import type { ImpactRow } from '@shared/api/charts';

export type ImpactSortKey = 'sessionDate' | 'dayReturn' | 'return1d' | 'return5d' | 'abnormalDayReturn' | 'abnormalReturn5d' | 'moneyDayBase';

/**
 * Rows by the chosen figure, missing figures last; ties by symbol, then news (eventId), so
 * the same rows come in the same order whichever view (security or event) produced them.
 */
export function sortImpactRows(rows: readonly ImpactRow[], key: ImpactSortKey, dir: 'asc' | 'desc'): ImpactRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (x < y ? -1 : 1);
    }
    if (a.symbol !== b.symbol) return a.symbol < b.symbol ? -1 : 1;
    return a.eventId - b.eventId;
  });
}
