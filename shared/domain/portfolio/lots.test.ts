import { describe, expect, it } from 'vitest';
import { LotBook } from './lots';

function book(): LotBook {
  const b = new LotBook();
  // Lot 1: 100 @ 140.10 (140 + 10 fees / 100); lot 2: 200 @ 145.10; lot 3: 50 @ 150.
  b.buy({ transactionId: 1, date: '2026-01-05', quantity: 100, costPerShare: 140.1, costPerShareBase: 18 });
  b.buy({ transactionId: 2, date: '2026-01-08', quantity: 200, costPerShare: 145.1, costPerShareBase: 18.5 });
  b.buy({ transactionId: 3, date: '2026-01-09', quantity: 50, costPerShare: 150, costPerShareBase: 19 });
  return b;
}

describe('LotBook (FIFO)', () => {
  it('takes the oldest lots first across several partial sells', () => {
    const b = book();
    // Sell 80: 80 × 140.10 = 11208 from lot 1 (20 left).
    expect(b.sell(80)?.cost).toBeCloseTo(11208, 9);
    // Sell 120: 20 × 140.10 + 100 × 145.10 = 2802 + 14510 = 17312; lot 2 keeps 100.
    const second = b.sell(120);
    expect(second?.cost).toBeCloseTo(17312, 9);
    // Base cost of the same shares: 20 × 18 + 100 × 18.5 = 360 + 1850 = 2210.
    expect(second?.costBase).toBeCloseTo(2210, 9);
    expect(b.quantity).toBe(150);
    // Left: 100 × 145.10 + 50 × 150 = 14510 + 7500 = 22010.
    expect(b.cost).toBeCloseTo(22010, 9);
    expect(b.openLots().map((l) => [l.transactionId, l.quantity])).toEqual([[2, 100], [3, 50]]);
  });

  it('refuses to sell more than it holds and stays unchanged', () => {
    const b = book();
    expect(b.sell(351)).toBeNull();
    expect(b.quantity).toBe(350);
    expect(b.sell(350)?.cost).toBeCloseTo(14010 + 29020 + 7500, 9);
    expect(b.quantity).toBe(0);
    expect(b.openLots()).toEqual([]);
  });

  it('multiplies lot quantities and divides per-share costs on a split, keeping total cost', () => {
    const b = book();
    b.sell(80);
    b.split(10);
    // Lot 1: 20 → 200 shares at 14.01; lot 2: 2000 at 14.51; lot 3: 500 at 15.
    expect(b.openLots().map((l) => [l.quantity, l.costPerShare])).toEqual([[200, 14.01], [2000, 14.51], [500, 15]]);
    expect(b.quantity).toBe(2700);
    // Total cost unchanged by the split: 20 × 140.10 + 200 × 145.10 + 50 × 150 = 2802 + 29020 + 7500 = 39322.
    expect(b.cost).toBeCloseTo(39322, 9);
    // Post-split FIFO: selling 300 takes 200 × 14.01 + 100 × 14.51 = 2802 + 1451 = 4253.
    expect(b.sell(300)?.cost).toBeCloseTo(4253, 9);
  });

  it('closes a lot exactly when fractions add up with float dust', () => {
    const b = new LotBook();
    b.buy({ transactionId: 1, date: '2026-01-05', quantity: 1, costPerShare: 3, costPerShareBase: 3 });
    b.split(3);
    b.split(1 / 3);
    expect(b.sell(0.1 + 0.2 + 0.7)).not.toBeNull();
    expect(b.openLots()).toEqual([]);
  });

  it('files a moved-in lot by its acquisition date, even before a partly sold lot', () => {
    const b = book();
    // Sell 80 of lot 1 (20 left at 140.10), then a lot of 2025-12-01 (30 @ 120) arrives: it is older than every open lot.
    b.sell(80);
    b.insertByDate({ transactionId: 9, date: '2025-12-01', quantity: 30, costPerShare: 120, costPerShareBase: 15 });
    // A second one of 2026-01-08 (10 @ 130) goes after lot 2 of the same day and before lot 3.
    b.insertByDate({ transactionId: 10, date: '2026-01-08', quantity: 10, costPerShare: 130, costPerShareBase: 16 });
    expect(b.openLots().map((l) => [l.transactionId, l.quantity])).toEqual([[9, 30], [1, 20], [2, 200], [10, 10], [3, 50]]);
    expect(b.quantity).toBe(310);
    // Sell 40: 30 × 120 + 10 × 140.10 = 3600 + 1401 = 5001.
    expect(b.sell(40)?.cost).toBeCloseTo(5001, 9);
  });
});
