import { formatMoney } from '@renderer/ui/format';

/**
 * The line under a "Market value" card that adds the cash held (the value returns are measured
 * on): which catalogue key (cashPlus / cashMinus / cashNoRate, under the caller's own prefix) and
 * its values; null when no cash is held or tracked.
 */
export function cashNote(
  cash: number | null | undefined,
  marketValue: number,
  currency: string,
  locale: string,
): { key: 'cashPlus' | 'cashMinus' | 'cashNoRate'; values: { cash: string; total: string } } | null {
  if (cash === undefined) return null;
  if (cash === null) return { key: 'cashNoRate', values: { cash: '', total: '' } };
  // Below half a cent the balance prints as zero: no note.
  if (Math.abs(cash) < 0.005) return null;
  return {
    key: cash > 0 ? 'cashPlus' : 'cashMinus',
    values: { cash: formatMoney(Math.abs(cash), currency, locale), total: formatMoney(marketValue + cash, currency, locale) },
  };
}
