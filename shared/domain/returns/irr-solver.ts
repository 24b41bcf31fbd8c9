/**
 * The rate r > −1 at which Σ aᵢ (1 + r)^(−tᵢ) = 0 (tᵢ in years). Solved in the log growth over
 * the whole span T of the flows, y = T·ln(1 + r), where the present value
 * f(y) = Σ aᵢ e^(−y sᵢ) with sᵢ = (tᵢ − t₀)/T ∈ [0, 1] is smooth on the whole line and equally
 * scaled for a three-day period and a twenty-year one (+8 % in three days is +2,400,000 % a year).
 * A bracket with a sign change is searched outward from the guess, then Newton steps are taken
 * inside it, falling back to bisection whenever a step would leave the bracket or stalls. This
 * never diverges the way plain Newton (Excel's XIRR) can, and finds the root nearest the guess
 * when flows that change sign more than once admit several.
 */

/** Money multiplied by e^±50 over the span: beyond either, no investor's return lies. */
const Y_MIN = -50;
const Y_MAX = 50;
const FIRST_STEP = 0.05;
const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

/** `logRate` = ln(1 + rate): the rate itself overflows for very short spans, its logarithm does not. */
export type IrrSolution = { kind: 'root'; rate: number; logRate: number } | { kind: 'no-sign-change' } | { kind: 'no-root' };

export function solveIrr(years: Float64Array, amounts: Float64Array, guess = 0.1): IrrSolution {
  let positive = false;
  let negative = false;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] as number;
    if (a > 0) positive = true;
    else if (a < 0) negative = true;
  }
  if (!positive || !negative) return { kind: 'no-sign-change' };

  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < years.length; i++) {
    first = Math.min(first, years[i] as number);
    last = Math.max(last, years[i] as number);
  }
  const span = last - first;
  if (!(span > 0)) return { kind: 'no-root' }; // all on one day: the sum does not depend on the rate
  const shares = new Float64Array(years.length);
  for (let i = 0; i < years.length; i++) shares[i] = ((years[i] as number) - first) / span;

  const f = (y: number): number => {
    let sum = 0;
    for (let i = 0; i < amounts.length; i++) sum += (amounts[i] as number) * Math.exp(-y * (shares[i] as number));
    return sum;
  };
  const usableGuess = Number.isFinite(guess) ? Math.max(guess, -0.99) : 0.1;
  const y0 = Math.min(Y_MAX, Math.max(Y_MIN, Math.log1p(usableGuess) * span));
  const bracket = findBracket(f, y0);
  if (bracket === null) return { kind: 'no-root' };
  const y = newtonInBracket(shares, amounts, bracket.lo, bracket.hi, bracket.fLo, y0);
  const logRate = y / span;
  return { kind: 'root', rate: Math.expm1(logRate), logRate };
}

/** Walks outward from x0 in both directions with doubling steps until f changes sign. */
function findBracket(f: (x: number) => number, x0: number): { lo: number; hi: number; fLo: number } | null {
  const f0 = f(x0);
  if (f0 === 0) return { lo: x0, hi: x0, fLo: 0 };
  let up = x0;
  let fUp = f0;
  let down = x0;
  let fDown = f0;
  for (let step = FIRST_STEP; up < Y_MAX || down > Y_MIN; step *= 2) {
    if (up < Y_MAX) {
      const next = Math.min(Y_MAX, up + step);
      const fNext = f(next);
      if (Math.sign(fNext) !== Math.sign(fUp)) return { lo: up, hi: next, fLo: fUp };
      up = next;
      fUp = fNext;
    }
    if (down > Y_MIN) {
      const next = Math.max(Y_MIN, down - step);
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
