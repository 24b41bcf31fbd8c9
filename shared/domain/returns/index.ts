export { CASH_FLOW_KINDS, investorAmount, isInflow, portfolioFlows, type CashFlow, type CashFlowKind } from './cash-flow';
export { dailyValuations, type DailyValuation, type DayValue } from './daily-valuation';
export { customPeriod, PERIOD_RANGES, periodDays, periodFor, type CustomRange, type PeriodRange, type ReturnPeriod } from './period';
export {
  annualise,
  DAYS_PER_YEAR,
  type MissingValue,
  type ReturnResult,
  type ReturnWarning,
  type Unavailable,
  type UnavailableCode,
  type UnavailableReason,
  type WarningCode,
} from './result';
export { timeWeightedReturn, timeWeightedSeries, type TimeWeightedSeries, type TimeWeightedSeriesResult } from './time-weighted';
export { moneyWeightedReturn, xirr, type DatedAmount, type XirrResult } from './money-weighted';
export { periodReturns, returnsFor, type PeriodReturns } from './period-returns';
export { rollingMoneyWeighted, rollingTimeWeighted, type RollingSeries } from './rolling';
export { benchmarkStartIndex, compareWithBenchmark, type BenchmarkComparison } from './benchmark';
export { gainSplit, type AmountAtRate, type GainSplit, type GainSplitInput, type PositionGainInput } from './gain-split';
export { dayValuesFromSeries } from './series-values';
export { tradeFlows } from './trade-flows';
export { netChange, type NetChange } from './net-change';
