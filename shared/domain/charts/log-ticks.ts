/**
 * Ticks for a logarithmic price axis: round multiples of powers of ten inside [lo, hi],
 * the finest set that gives at most maxTicks (…, 130, 140, 150, … on a narrow range;
 * 10, 20, 50, 100 on a wide one; powers of ten over decades). The domain is widened to the nearest ticks around the
 * data so the line never touches the frame.
 */
export function logAxis(lo: number, hi: number, maxTicks = 7): { domain: [number, number]; ticks: number[] } {
  if (!(lo > 0) || !(hi >= lo)) return { domain: [1, 10], ticks: [1, 10] };
  // finest first: a narrow range (135 … 166) gets 130, 140, 150, 160, 170 rather than two ticks
  const candidates = [[1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9], [1, 1.5, 2, 3, 5, 7], [1, 2, 5], [1, 2.5, 5], [1, 3], [1]] as const;
  for (const steps of candidates) {
    const all: number[] = [];
    for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
      for (const m of steps) all.push(Number((m * 10 ** e).toPrecision(12)));
    }
    const below = all.filter((t) => t <= lo).at(-1) ?? lo;
    const above = all.find((t) => t >= hi) ?? hi;
    const ticks = all.filter((t) => t >= below && t <= above);
    if (ticks.length <= maxTicks || steps.length === 1) return { domain: [below, above], ticks };
  }
  return { domain: [lo, hi], ticks: [lo, hi] };
}
