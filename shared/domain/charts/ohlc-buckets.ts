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

/** A prepared point at time t (open, high and low absent or null where the file has none). */
export interface CandleInput {
  t: number;
  open?: number | null;
  high?: number | null;
  low?: number | null;
  close: number;
}

/** A drawn candle: its bars' time span (x) and their open, high, low and close. */
export interface MergedCandle {
  /** Times of the first and last bar it stands for. */
  from: number;
  to: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/**
 * Groups consecutive candles so no more than `maxCandles` are drawn: a chart of
 * 1,000 prepared points in 900 pixels would otherwise draw sub-pixel candles (a
 * grey smear, and twice the path to build and paint). Each group opens at its
 * first candle's open, closes at its last's close and spans their extremes, so
 * no move is lost; groups are of equal size, the last one takes the rest.
 */
export function mergeCandles(bars: readonly CandleInput[], maxCandles: number): MergedCandle[] {
  const size = Math.max(1, Math.ceil(bars.length / Math.max(1, Math.floor(maxCandles))));
  const out: MergedCandle[] = [];
  for (let start = 0; start < bars.length; start += size) {
    const end = Math.min(bars.length, start + size);
    const first = bars[start] as CandleInput;
    const last = bars[end - 1] as CandleInput;
    const open = first.open ?? first.close;
    let high = Math.max(open, last.close);
    let low = Math.min(open, last.close);
    for (let i = start; i < end; i++) {
      const b = bars[i] as CandleInput;
      high = Math.max(high, b.high ?? b.close, b.close);
      low = Math.min(low, b.low ?? b.close, b.close);
    }
    out.push({ from: first.t, to: last.t, open, high, low, close: last.close });
  }
  return out;
}
