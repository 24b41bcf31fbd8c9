import { create } from 'zustand';
import type { PeriodFigures, PeriodKey, ReturnScope, ReturnsSummary, ScopeReturns } from '@shared/api/returns';
import { PERIOD_RANGES, type PeriodRange } from '@shared/domain/returns/period';
import { api, errorMessage } from '@renderer/api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** The periods Holdings offers, in the order of the chooser. */
export const HOLDINGS_PERIODS: readonly PeriodRange[] = PERIOD_RANGES;

/** A custom range of days, both included (the period starts at the close of the day before `from`). */
export interface CustomDays {
  from: string;
  to: string;
}

interface ReturnsState {
  period: PeriodRange | 'custom';
  /** The days of the 'custom' period; null until chosen. */
  custom: CustomDays | null;
  summary: ReturnsSummary | null;
  status: Status;
  error: string | null;
  setPeriod(period: PeriodRange | 'custom'): void;
  /** New custom days: the figures are recomputed for the same account and securities. */
  setCustom(custom: CustomDays): void;
  /** TTWROR, IRR and gain split of the portfolio (or one account) and of each security in view, for the chosen period. */
  load(accountId: number | null, securityIds: readonly number[]): Promise<void>;
}

// A slow answer for an older period or account never overwrites a newer one.
let sequence = 0;
// What was last asked for, so new custom days recompute the same rows.
let lastAsked: { accountId: number | null; securityIds: readonly number[] } | null = null;

export const useReturnsStore = create<ReturnsState>((set, get) => ({
  period: '1Y',
  custom: null,
  summary: null,
  status: 'idle',
  error: null,
  setPeriod(period) {
    set({ period });
  },
  setCustom(custom) {
    set({ custom });
    if (get().period === 'custom' && lastAsked) void get().load(lastAsked.accountId, lastAsked.securityIds);
  },
  async load(accountId, securityIds) {
    lastAsked = { accountId, securityIds };
    const { period, custom } = get();
    // 'Custom' before its days are chosen (the panel offers them): nothing to ask yet.
    if (period === 'custom' && custom === null) return;
    const mine = ++sequence;
    set({ status: get().summary ? 'ready' : 'loading', error: null });
    const whole: ReturnScope = accountId === null ? { kind: 'portfolio' } : { kind: 'account', accountId };
    const securities: ReturnScope[] = securityIds.slice(0, 499).map((securityId) =>
      accountId === null ? { kind: 'security', securityId } : { kind: 'security', securityId, accountId },
    );
    const periods: PeriodKey[] = [period];
    try {
      const summary = await api.call('returns.summary', { scopes: [whole, ...securities], periods, ...(period === 'custom' && custom ? { custom } : {}) });
      if (mine === sequence) set({ summary, status: 'ready' });
    } catch (error) {
      if (mine === sequence) set({ status: 'error', error: errorMessage(error) });
    }
  },
}));

/** The row of the whole portfolio or the chosen account (always the first scope asked for). */
export const selectScopeRow = (s: ReturnsState): ScopeReturns | null => s.summary?.rows[0] ?? null;

/** The chosen period's figures of one security, or null before they are loaded. */
export function securityFigures(summary: ReturnsSummary | null, securityId: number): PeriodFigures | null {
  const row = summary?.rows.find((r) => r.scope.kind === 'security' && r.scope.securityId === securityId);
  return row?.periods[0] ?? null;
}
