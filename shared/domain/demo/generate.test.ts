import { describe, expect, it } from 'vitest';
import { isWeekend } from '../common/dates';
import { generateDemoDataset, weekdaysBack } from './generate';

describe('demo dataset', () => {
  it('is the same for the same day and seed', () => {
    expect(generateDemoDataset('2026-03-31')).toEqual(generateDemoDataset('2026-03-31'));
    expect(generateDemoDataset('2026-03-31', 1).bars['DEMO-ALPHA']).not.toEqual(generateDemoDataset('2026-03-31', 2).bars['DEMO-ALPHA']);
  });

  it('has about three years of weekday bars ending on the given day', () => {
    // 2023-03-31 .. 2026-03-31 is 1,097 days, 157 weeks minus… counted: 783 weekdays.
    const days = weekdaysBack('2026-03-31', 3);
    expect(days[0]).toBe('2023-03-31');
    expect(days.at(-1)).toBe('2026-03-31');
    expect(days).toHaveLength(783);
    expect(days.some(isWeekend)).toBe(false);
    const data = generateDemoDataset('2026-03-31');
    for (const bars of Object.values(data.bars)) {
      expect(bars).toHaveLength(783);
      for (const b of bars) {
        expect(b.close).toBeGreaterThan(0);
        expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close) - 1e-9);
        expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close) + 1e-9);
      }
    }
  });

  it('labels everything as demo, links news, and never sells more than was bought', () => {
    const data = generateDemoDataset('2026-03-31');
    expect(data.securities.every((s) => s.symbol.startsWith('DEMO-') && s.name.endsWith('(Demo)'))).toBe(true);
    const symbols = new Set(data.securities.map((s) => s.symbol));
    for (const e of data.events) for (const l of e.links) expect(symbols.has(l)).toBe(true);
    // One story is dated on a Sunday, so its marker is anchored to Monday.
    expect(data.events.filter((e) => isWeekend(e.date))).toHaveLength(1);
    const held = new Map<string, number>();
    for (const t of [...data.transactions].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      const q = (held.get(t.symbol) ?? 0) + (t.type === 'buy' ? t.quantity : -t.quantity);
      expect(q).toBeGreaterThanOrEqual(0);
      held.set(t.symbol, q);
    }
    // Trades happen at that day's close.
    const alphaBuy = data.transactions[0]!;
    expect(data.bars['DEMO-ALPHA']!.find((b) => b.date === alphaBuy.date)!.close).toBe(alphaBuy.price);
  });
});
