/**
 * Candles for a downsampled series: each kept bar stands for the bars since the previous
 * kept one, so its candle opens at the first of them and spans their highest high and
 * lowest low, closing at its own close. Without this a candle drawn from a picked bar
 * would hide every move in between.
 */
export interface OhlcBar {
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
}

export function ohlcBuckets(bars: readonly OhlcBar[], kept: readonly number[]): { open: number; high: number; low: number; close: number }[] {
  const out: { open: number; high: number; low: number; close: number }[] = [];
  let from = 0;
  for (const k of kept) {
    const last = bars[k];
    if (!last) continue;
    const first = bars[from] ?? last;
    let high = -Infinity;
    let low = Infinity;
    for (let i = from; i <= k; i++) {
      const b = bars[i] as OhlcBar;
      high = Math.max(high, b.high ?? b.close, b.close);
      low = Math.min(low, b.low ?? b.close, b.close);
    }
    out.push({ open: first.open ?? first.close, high, low, close: last.close });
    from = k + 1;
  }
  return out;
}
