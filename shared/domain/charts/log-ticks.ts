/**
 * Ticks for a logarithmic price axis: 1, 2 and 5 times powers of ten inside [lo, hi]
 * (…, 10, 20, 50, 100, …), thinned to 1 and 10 steps when there are too many, so equal
 * gaps on screen are equal ratios. The domain is widened to the nearest ticks around the
 * data so the line never touches the frame.
 */
export function logAxis(lo: number, hi: number, maxTicks = 7): { domain: [number, number]; ticks: number[] } {
  if (!(lo > 0) || !(hi >= lo)) return { domain: [1, 10], ticks: [1, 10] };
  for (const steps of [[1, 2, 5], [1, 2.5, 5], [1, 3], [1]] as const) {
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
