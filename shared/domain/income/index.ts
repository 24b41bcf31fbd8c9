export {
  INCOME_KINDS,
  incomeByMonth,
  incomeBySecurity,
  incomeByYear,
  incomeTotals,
  type IncomeAmounts,
  type IncomeBucket,
  type IncomeEvent,
  type IncomeKind,
  type IncomeTotals,
  type SecurityIncome,
} from './income';
export { trailingTwelveMonths, trailingYield, yieldOnCost, type YieldResult } from './yields';
