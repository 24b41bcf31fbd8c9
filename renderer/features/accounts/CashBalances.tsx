import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import type { CashBalances as CashBalancesData } from '@shared/api/cash';
import { api, errorMessage } from '@renderer/api/client';
import { useLocale } from '@renderer/stores/settingsStore';
import { formatDate, formatMoney } from '@renderer/ui/format';
import './accounts.css';
import { accountScope, selectSelectedAccountId, useAccountsStore } from './accountsStore';

/** Cash per account and currency; a negative balance is flagged with the day it went below zero. */
export function CashBalances(): ReactElement | null {
  const { t } = useTranslation('accounts');
  const locale = useLocale();
  const accountId = useAccountsStore(selectSelectedAccountId);
  const [data, setData] = useState<CashBalancesData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const fetchBalances = (): void => {
      api.call('cash.balances', accountScope(accountId)).then(
        (d) => live && (setData(d), setError(null)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    };
    fetchBalances();
    const off = api.on('data.changed', ({ topics }) => {
      if (touches(topics, ['cash', 'accounts', 'transactions', 'prices'])) fetchBalances();
    });
    return () => {
      live = false;
      off();
    };
  }, [accountId]);
  if (error) return <p className="muted">{t('cash.unavailable', { error })}</p>;
  if (!data || data.balances.length === 0) return null;
  return (
    <section className="card table-wrap cash-balances" aria-label={t('cash.section')}>
      <table className="data">
        <thead>
          <tr>
            <th>{t('cash.account')}</th>
            <th>{t('cash.currency')}</th>
            <th className="num">{t('cash.balance')}</th>
            <th className="num">{t('cash.inBase', { currency: data.baseCurrency })}</th>
          </tr>
        </thead>
        <tbody>
          {data.balances.map((b) => (
            <tr key={`${b.accountId}-${b.currency}`} className={b.negative ? 'cash-negative' : undefined}>
              <td>{b.accountName}</td>
              <td>{b.currency}</td>
              <td className="num">
                <span className={b.negative ? 'negative' : undefined}>{formatMoney(Number(b.amount), b.currency, locale)}</span>
                {b.negative && b.negativeSince ? <div className="cell-sub field-error">{t('cash.negativeSince', { date: formatDate(b.negativeSince, locale) })}</div> : null}
              </td>
              <td className="num" title={b.valueBase === null ? t('cash.noRate', { from: b.currency, to: data.baseCurrency, date: formatDate(data.asOf, locale) }) : undefined}>
                {b.valueBase === null ? '—' : formatMoney(b.valueBase, data.baseCurrency, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
