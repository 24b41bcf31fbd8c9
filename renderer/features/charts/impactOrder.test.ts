import { describe, expect, it } from 'vitest';
import type { ImpactRow } from '@shared/api/charts';
import { sortImpactRows } from './impactOrder';

const row = (eventId: number, symbol: string, sessionDate: string, dayReturn: number | null): ImpactRow =>
  ({ eventId, symbol, sessionDate, dayReturn }) as ImpactRow;

describe('sortImpactRows', () => {
  it('orders ties the same way whatever order they arrive in', () => {
    const a = row(2, '9988.HK', '2026-01-12', 0.05);
    const b = row(2, '1024.HK', '2026-01-12', 0.01);
    const c = row(1, '9988.HK', '2026-01-05', null);
    const byDate = (rows: ImpactRow[]): string[] => sortImpactRows(rows, 'sessionDate', 'desc').map((r) => `${r.eventId}:${r.symbol}`);
    // same session 12 Jan: 1024.HK before 9988.HK by symbol, then the older session
    expect(byDate([a, b, c])).toEqual(['2:1024.HK', '2:9988.HK', '1:9988.HK']);
    expect(byDate([c, b, a])).toEqual(['2:1024.HK', '2:9988.HK', '1:9988.HK']);
  });

  it('puts a missing figure last in either direction', () => {
    const rows = [row(1, 'A', '2026-01-05', null), row(2, 'B', '2026-01-06', -0.02), row(3, 'C', '2026-01-07', 0.03)];
    expect(sortImpactRows(rows, 'dayReturn', 'asc').map((r) => r.symbol)).toEqual(['B', 'C', 'A']);
    expect(sortImpactRows(rows, 'dayReturn', 'desc').map((r) => r.symbol)).toEqual(['C', 'B', 'A']);
  });
});
