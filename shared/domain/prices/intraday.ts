import { fromEpochDay } from '../common/dates';
import type { PriceBar } from '../securities/security';
import type { PriceColumns } from './price-columns';

/**
 * Combines intraday bars (from parsePriceFileColumns on a file detected as intraday)
 * into one daily bar per calendar day as written in the file: first open, highest
 * high, lowest low, last close, summed volume. The columns are already in time order.
 * Adj Close is left empty: an adjusted daily close cannot be derived from minute bars.
 */
export function aggregateIntradayToDaily(bars: PriceColumns): PriceBar[] {
  const out: PriceBar[] = [];
  let i = 0;
  while (i < bars.length) {
    const day = bars.epochDay[i] ?? 0;
    let open = NaN;
    let high = -Infinity;
    let low = Infinity;
    let close = NaN;
    let volume = 0;
    let hasVolume = false;
    for (; i < bars.length && bars.epochDay[i] === day; i++) {
      const o = bars.open[i] ?? NaN;
      const h = bars.high[i] ?? NaN;
      const l = bars.low[i] ?? NaN;
      const c = bars.close[i] ?? NaN;
      const v = bars.volume[i] ?? NaN;
      if (Number.isNaN(open)) open = Number.isNaN(o) ? c : o;
      high = Math.max(high, Number.isNaN(h) ? c : h);
      low = Math.min(low, Number.isNaN(l) ? c : l);
      close = c;
      if (!Number.isNaN(v)) {
        volume += v;
        hasVolume = true;
      }
    }
    out.push({
      date: fromEpochDay(day),
      open,
      high,
      low,
      close,
      adjClose: null,
      volume: hasVolume ? volume : null,
    });
  }
  return out;
}
