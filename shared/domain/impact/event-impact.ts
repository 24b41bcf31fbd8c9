import type { IsoDate } from '../common/dates';
import { firstIndexOnOrAfter, lastIndexOnOrBefore } from '../charts/sorted-search';
import type { AnchorResult } from './anchor';
import { checkClaim, type ClaimBasis, type ClaimedMove, type ClaimVerdict, type SessionMove } from './claim-verdict';

/** A daily bar as impact needs it; PriceBar fits. */
export interface ImpactBar {
  date: IsoDate;
  close: number;
  high?: number | null;
  low?: number | null;
}

/** Why a figure is missing; the UI turns the code into a sentence (see MISSING_REASON_TEXT). */
export type MissingReason =
  | 'no-session'
  | 'no-prior-session'
  | 'window-open'
  | 'invalid-price'
  | 'no-benchmark'
  | 'benchmark-no-data'
  | 'no-intraday-range'
  | 'no-holdings-data'
  | 'not-held'
  | 'no-fx-rate'
  | 'no-claim';

export const MISSING_REASON_TEXT: Record<MissingReason, string> = {
  'no-session': 'The event lies outside the price history of this security.',
  'no-prior-session': 'There is no close before the event to compare with.',
  'window-open': 'Not enough trading days have passed since the event.',
  'invalid-price': 'A price needed for this figure is not a positive number.',
  'no-benchmark': 'No benchmark was chosen for this security.',
  'benchmark-no-data': 'The benchmark has no price for these dates.',
  'no-intraday-range': 'The day’s high and low are not known.',
  'no-holdings-data': 'Your holdings were not available for this calculation.',
  'not-held': 'You did not hold this security before the event.',
  'no-fx-rate': 'No exchange rate to your base currency is known for that day.',
  'no-claim': 'The article does not state a price move.',
};

/**
 * What one news event did to one security's price.
 *
 * Windows all start at the base close, the last close strictly before the event
 * session, because that is the last price that could not yet know the news:
 * - day: base close → close of the event session
 * - 1d:  base close → close 1 trading day after the event session
 * - 5d:  base close → close 5 trading days after the event session
 * Returns are fractions (0.05324 = 5.324 %).
 *
 * Abnormal return uses the market-adjusted model: return − benchmark return
 * over the same calendar window (beta 1, no estimation period). It is simple,
 * needs no history before the event and is what a private investor expects
 * ("how much better than the Hang Seng"), at the cost of ignoring beta.
 *
 * Money impact = shares held at the base date × base close × return, in the
 * security's currency, then converted with the rate for the event session.
 */
export interface EventImpact {
  securityId: number;
  eventId: string | number;
  sessionDate: IsoDate | null;
  anchored: boolean;
  anchoredFrom: IsoDate | null;
  baseDate: IsoDate | null;
  baseClose: number | null;
  sessionClose: number | null;
  date1d: IsoDate | null;
  date5d: IsoDate | null;
  dayReturn: number | null;
  return1d: number | null;
  return5d: number | null;
  /** Event session high / low against the base close. */
  highReturn: number | null;
  lowReturn: number | null;
  benchmarkId: number | null;
  benchmarkDayReturn: number | null;
  benchmarkReturn1d: number | null;
  benchmarkReturn5d: number | null;
  abnormalDayReturn: number | null;
  abnormalReturn1d: number | null;
  abnormalReturn5d: number | null;
  sharesHeld: number | null;
  currency: string;
  moneyDay: number | null;
  money1d: number | null;
  money5d: number | null;
  baseCurrency: string;
  /** Units of base currency per unit of security currency; exactly 1 only for the same currency. */
  fxRate: number | null;
  moneyDayBase: number | null;
  money1dBase: number | null;
  money5dBase: number | null;
  claim: ClaimedMove | null;
  claimMeasured: number | null;
  claimBasis: ClaimBasis | null;
  claimVerdict: ClaimVerdict;
  /**
   * The session whose move the claim was checked against: the event's session,
   * or, for a story published after that day's close ("soared on Friday",
   * Friday 17:59 HKT), the session that had already closed. Impact windows
   * still start at the event's session.
   */
  claimDate: IsoDate | null;
  /**
   * The last session that had closed when the event was published (base date
   * against the close before it). Articles written over a weekend or after the
   * bell describe that session, so their claims are checked against it too.
   */
  preceding: (SessionMove & { date: IsoDate; claimMeasured: number | null; claimVerdict: ClaimVerdict }) | null;
  missing: Partial<Record<ImpactField, MissingReason>>;
}

export type ImpactField =
  | 'dayReturn'
  | 'return1d'
  | 'return5d'
  | 'highReturn'
  | 'benchmarkDayReturn'
  | 'benchmarkReturn1d'
  | 'benchmarkReturn5d'
  | 'moneyDay'
  | 'money1d'
  | 'money5d'
  | 'fxRate'
  | 'claimVerdict'
  | 'preceding';

export interface EventImpactInput {
  securityId: number;
  eventId: string | number;
  anchor: Pick<AnchorResult, 'sessionDate' | 'anchored' | 'anchoredFrom'> & Partial<Pick<AnchorResult, 'reason' | 'localDate'>>;
  /** Sorted ascending by date. */
  bars: readonly ImpactBar[];
  /** Index or peer; its own calendar, sorted ascending. */
  benchmark?: { securityId: number; bars: readonly ImpactBar[] } | null;
  /** Shares held at the end of a day. Omitted when holdings are unknown. */
  sharesHeldAt?: ((date: IsoDate) => number) | null;
  currency: string;
  baseCurrency: string;
  /** Units of `to` per unit of `from` on `date`, or null when unknown. */
  fxRate?: ((from: string, to: string, date: IsoDate) => number | null) | null;
  claim?: ClaimedMove | null;
}

type Window = 'day' | '1d' | '5d';
const WINDOW_OFFSETS: Record<Window, number> = { day: 0, '1d': 1, '5d': 5 };
const RETURN_FIELD = { day: 'dayReturn', '1d': 'return1d', '5d': 'return5d' } as const;
const BENCHMARK_FIELD = { day: 'benchmarkDayReturn', '1d': 'benchmarkReturn1d', '5d': 'benchmarkReturn5d' } as const;
const MONEY_FIELD = { day: 'moneyDay', '1d': 'money1d', '5d': 'money5d' } as const;

export function computeEventImpact(input: EventImpactInput): EventImpact {
  const { bars, anchor } = input;
  const missing: EventImpact['missing'] = {};
  const impact = emptyImpact(input, missing);

  const sessionIndex = anchor.sessionDate === null ? -1 : firstIndexOnOrAfter(bars, anchor.sessionDate);
  const session = bars[sessionIndex];
  if (anchor.sessionDate === null || session === undefined || session.date !== anchor.sessionDate) {
    for (const w of ['day', '1d', '5d'] as const) missing[RETURN_FIELD[w]] = 'no-session';
    missing.claimVerdict = 'no-session';
    return impact;
  }
  const base = bars[sessionIndex - 1];
  if (base === undefined) {
    for (const w of ['day', '1d', '5d'] as const) missing[RETURN_FIELD[w]] = 'no-prior-session';
    missing.claimVerdict = 'no-prior-session';
    return impact;
  }
  impact.baseDate = base.date;
  impact.baseClose = base.close;
  impact.sessionClose = session.close;
  impact.date1d = bars[sessionIndex + 1]?.date ?? null;
  impact.date5d = bars[sessionIndex + 5]?.date ?? null;

  const fx = resolveFxRate(input, session.date);
  impact.fxRate = fx;
  if (fx === null) missing.fxRate = 'no-fx-rate';
  const shares = input.sharesHeldAt ? input.sharesHeldAt(base.date) : null;
  impact.sharesHeld = shares;

  for (const w of ['day', '1d', '5d'] as const) {
    const end = bars[sessionIndex + WINDOW_OFFSETS[w]];
    if (end === undefined) {
      missing[RETURN_FIELD[w]] = 'window-open';
      continue;
    }
    const r = ratioReturn(end.close, base.close);
    setWindow(impact, w, r);
    if (r === null) {
      missing[RETURN_FIELD[w]] = 'invalid-price';
      continue;
    }

    const bench = benchmarkReturn(input.benchmark, base.date, end.date);
    if (typeof bench === 'string') missing[BENCHMARK_FIELD[w]] = bench;
    else setBenchmark(impact, w, bench, r - bench);

    const moneyField = MONEY_FIELD[w];
    if (shares === null) missing[moneyField] = 'no-holdings-data';
    else if (shares === 0) missing[moneyField] = 'not-held';
    else {
      const money = shares * base.close * r;
      setMoney(impact, w, money, fx === null ? null : money * fx);
    }
  }

  const move: SessionMove = {
    closeReturn: impact.dayReturn,
    highReturn: ratioReturn(session.high, base.close),
    lowReturn: ratioReturn(session.low, base.close),
  };
  impact.highReturn = move.highReturn;
  impact.lowReturn = move.lowReturn;
  if (move.highReturn === null) missing.highReturn = 'no-intraday-range';

  const check = checkClaim(input.claim, move);
  impact.claimMeasured = check.measured;
  impact.claimBasis = check.basis;
  impact.claimVerdict = check.verdict;
  impact.claimDate = session.date;
  if (!input.claim) missing.claimVerdict = 'no-claim';

  const beforeBase = bars[sessionIndex - 2];
  if (beforeBase === undefined) missing.preceding = 'no-prior-session';
  else {
    const precedingMove: SessionMove = {
      closeReturn: ratioReturn(base.close, beforeBase.close),
      highReturn: ratioReturn(base.high, beforeBase.close),
      lowReturn: ratioReturn(base.low, beforeBase.close),
    };
    const precedingCheck = checkClaim(input.claim, precedingMove);
    // Published after the bell of a trading day: a day move the story reports is that closed session's.
    if (anchor.reason === 'after-close' && anchor.localDate === base.date) {
      impact.claimMeasured = precedingCheck.measured;
      impact.claimBasis = precedingCheck.basis;
      impact.claimVerdict = precedingCheck.verdict;
      impact.claimDate = base.date;
    }
    impact.preceding = {
      date: base.date,
      ...precedingMove,
      claimMeasured: precedingCheck.measured,
      claimVerdict: precedingCheck.verdict,
    };
  }
  return impact;
}

/** end / start − 1, or null when either price is missing or not a positive number. */
function ratioReturn(end: number | null | undefined, start: number | null | undefined): number | null {
  if (end === null || end === undefined || start === null || start === undefined) return null;
  if (!(end > 0) || !(start > 0) || !Number.isFinite(end) || !Number.isFinite(start)) return null;
  return end / start - 1;
}

/**
 * Benchmark calendars differ (the Hang Seng is not quoted on a US holiday and
 * vice versa), so each date uses the benchmark's last close on or before it.
 * A benchmark whose data ends before the date would give a stale close; that
 * counts as missing rather than as a zero move.
 */
function benchmarkReturn(
  benchmark: EventImpactInput['benchmark'],
  startDate: IsoDate,
  endDate: IsoDate,
): number | MissingReason {
  if (!benchmark) return 'no-benchmark';
  const last = benchmark.bars[benchmark.bars.length - 1];
  if (last === undefined || last.date < endDate) return 'benchmark-no-data';
  const start = benchmark.bars[lastIndexOnOrBefore(benchmark.bars, startDate)];
  const end = benchmark.bars[lastIndexOnOrBefore(benchmark.bars, endDate)];
  if (start === undefined || end === undefined) return 'benchmark-no-data';
  return ratioReturn(end.close, start.close) ?? 'invalid-price';
}

/** A missing rate is never replaced by 1: a wrong amount is worse than none. */
function resolveFxRate(input: EventImpactInput, date: IsoDate): number | null {
  if (input.currency === input.baseCurrency) return 1;
  const rate = input.fxRate ? input.fxRate(input.currency, input.baseCurrency, date) : null;
  return rate !== null && Number.isFinite(rate) && rate > 0 ? rate : null;
}

function setWindow(impact: EventImpact, w: Window, value: number | null): void {
  if (w === 'day') impact.dayReturn = value;
  else if (w === '1d') impact.return1d = value;
  else impact.return5d = value;
}

function setBenchmark(impact: EventImpact, w: Window, bench: number, abnormal: number): void {
  if (w === 'day') [impact.benchmarkDayReturn, impact.abnormalDayReturn] = [bench, abnormal];
  else if (w === '1d') [impact.benchmarkReturn1d, impact.abnormalReturn1d] = [bench, abnormal];
  else [impact.benchmarkReturn5d, impact.abnormalReturn5d] = [bench, abnormal];
}

function setMoney(impact: EventImpact, w: Window, money: number, moneyBase: number | null): void {
  if (w === 'day') [impact.moneyDay, impact.moneyDayBase] = [money, moneyBase];
  else if (w === '1d') [impact.money1d, impact.money1dBase] = [money, moneyBase];
  else [impact.money5d, impact.money5dBase] = [money, moneyBase];
}

function emptyImpact(input: EventImpactInput, missing: EventImpact['missing']): EventImpact {
  return {
    securityId: input.securityId,
    eventId: input.eventId,
    sessionDate: input.anchor.sessionDate,
    anchored: input.anchor.anchored,
    anchoredFrom: input.anchor.anchoredFrom,
    baseDate: null,
    baseClose: null,
    sessionClose: null,
    date1d: null,
    date5d: null,
    dayReturn: null,
    return1d: null,
    return5d: null,
    highReturn: null,
    lowReturn: null,
    benchmarkId: input.benchmark?.securityId ?? null,
    benchmarkDayReturn: null,
    benchmarkReturn1d: null,
    benchmarkReturn5d: null,
    abnormalDayReturn: null,
    abnormalReturn1d: null,
    abnormalReturn5d: null,
    sharesHeld: null,
    currency: input.currency,
    moneyDay: null,
    money1d: null,
    money5d: null,
    baseCurrency: input.baseCurrency,
    fxRate: null,
    moneyDayBase: null,
    money1dBase: null,
    money5dBase: null,
    claim: input.claim ?? null,
    claimMeasured: null,
    claimBasis: null,
    claimVerdict: 'n/a',
    claimDate: null,
    preceding: null,
    missing,
  };
}
