/**
 * The rate r > −1 at which Σ aᵢ (1 + r)^(−tᵢ) = 0 (tᵢ in years). Solved in x = ln(1 + r),
 * where the present value f(x) = Σ aᵢ e^(−x tᵢ) is smooth on the whole line: a bracket with a
 * sign change is searched outward from the guess, then Newton steps are taken inside it,
 * falling back to bisection whenever a step would leave the bracket or stalls. This never
 * diverges the way plain Newton (Excel's XIRR) can, and finds the root nearest the guess
 * when flows that change sign more than once admit several.
 */

/** r = e^x − 1 from about −99.995 % to +2,200,000 %: beyond either, no investor's rate lies. */
const X_MIN = -10;
const X_MAX = 10;
const FIRST_STEP = 0.05;
const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

export type IrrSolution = { kind: 'root'; rate: number } | { kind: 'no-sign-change' } | { kind: 'no-root' };

export function solveIrr(years: Float64Array, amounts: Float64Array, guess = 0.1): IrrSolution {
  let positive = false;
  let negative = false;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] as number;
    if (a > 0) positive = true;
    else if (a < 0) negative = true;
  }
  if (!positive || !negative) return { kind: 'no-sign-change' };

  const f = (x: number): number => {
    let sum = 0;
    for (let i = 0; i < amounts.length; i++) sum += (amounts[i] as number) * Math.exp(-x * (years[i] as number));
    return sum;
  };
  const x0 = Math.min(X_MAX, Math.max(X_MIN, Math.log1p(Math.max(guess, -0.99))));
  const bracket = findBracket(f, x0);
  if (bracket === null) return { kind: 'no-root' };
  const x = newtonInBracket(years, amounts, bracket.lo, bracket.hi, bracket.fLo, x0);
  return { kind: 'root', rate: Math.expm1(x) };
}

/** Walks outward from x0 in both directions with doubling steps until f changes sign. */
function findBracket(f: (x: number) => number, x0: number): { lo: number; hi: number; fLo: number } | null {
  const f0 = f(x0);
  if (f0 === 0) return { lo: x0, hi: x0, fLo: 0 };
  let up = x0;
  let fUp = f0;
  let down = x0;
  let fDown = f0;
  for (let step = FIRST_STEP; up < X_MAX || down > X_MIN; step *= 2) {
    if (up < X_MAX) {
      const next = Math.min(X_MAX, up + step);
      const fNext = f(next);
      if (Math.sign(fNext) !== Math.sign(fUp)) return { lo: up, hi: next, fLo: fUp };
      up = next;
      fUp = fNext;
    }
    if (down > X_MIN) {
      const next = Math.max(X_MIN, down - step);
      const fNext = f(next);
      if (Math.sign(fNext) !== Math.sign(fDown)) return { lo: next, hi: down, fLo: fNext };
      down = next;
      fDown = fNext;
    }
  }
  return null;
}

/**
 * Safeguarded Newton (Numerical Recipes' rtsafe) on [lo, hi], where f(lo) and f(hi) differ in sign,
 * starting from the guess when it lies in the bracket: a rolling series' previous rate is usually
 * two Newton steps from today's.
 */
function newtonInBracket(years: Float64Array, amounts: Float64Array, lo: number, hi: number, fLo: number, start: number): number {
  if (lo === hi) return lo;
  // Orient so that f(neg) < 0 < f(pos).
  let neg = fLo < 0 ? lo : hi;
  let pos = fLo < 0 ? hi : lo;
  let x = start >= lo && start <= hi ? start : (lo + hi) / 2;
  let previousStep = Math.abs(hi - lo);
  let step = previousStep;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let value = 0;
    let slope = 0;
    for (let i = 0; i < amounts.length; i++) {
      const t = years[i] as number;
      const term = (amounts[i] as number) * Math.exp(-x * t);
      value += term;
      slope -= t * term;
    }
    if (value === 0) return x;
    if (value < 0) neg = x;
    else pos = x;
    const newton = x - value / slope;
    const outside = !Number.isFinite(newton) || (newton - neg) * (newton - pos) > 0;
    const slow = Math.abs(2 * value) > Math.abs(previousStep * slope);
    previousStep = step;
    if (outside || slow) {
      step = (pos - neg) / 2;
      x = neg + step;
    } else {
      step = newton - x;
      x = newton;
    }
    if (Math.abs(step) < TOLERANCE * Math.max(1, Math.abs(x))) return x;
  }
  return x;
}
