export {
  CASH_TRANSACTION_TYPES,
  cashBalances,
  cashLineMovements,
  cashMovements,
  negativeBalanceWarnings,
  tradeBalanceWarnings,
  tradeCashAmount,
  validateCashFields,
  type CashBalance,
  type CashFieldError,
  type CashMovement,
  type CashTransaction,
  type CashTransactionType,
  type CashWarning,
  type LedgerAccount,
  type LedgerTransaction,
} from './cash';
export { incomeEvents, type IncomeProblem } from './income-events';
export { cashOnDays, scopeCashMovements, type ValuationMovement, scopeFlows, scopeTransactions, scopeValuations, type Ledger, type LedgerScope, type ScopeValuations } from './scope';
export { scopeGainSplit } from './gain';
