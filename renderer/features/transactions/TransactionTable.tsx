import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transaction } from '@shared/api/transactions';
import { useLocale } from '@renderer/stores/settingsStore';
import { selectAccounts, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { formatDate, formatMoney, formatNumber } from '@renderer/ui/format';
import { TYPE_WORD } from './typeWord';

const TYPE_LABEL = {
  buy: 'type.buy',
  sell: 'type.sell',
  dividend: 'type.dividend',
  split: 'type.split',
  fee: 'type.fee',
  'transfer-out': 'type.transferOut',
  'transfer-in': 'type.transferIn',
} as const satisfies Record<Transaction['type'], string>;


/** One security's ledger, newest first, with Edit and Delete per row. */
export function TransactionTable({
  transactions,
  onEdit,
  onDelete,
}: {
  transactions: readonly Transaction[];
  onEdit(t: Transaction): void;
  onDelete(t: Transaction): void;
}): ReactElement {
  const { t } = useTranslation(['transactions', 'common']);
  const locale = useLocale();
  const accounts = useAccountsStore(selectAccounts);
  const accountName = (id: number | null): string => accounts.find((a) => a.id === id)?.name ?? t('table.anotherAccount');
  const rows = [...transactions].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t('table.label')}>
        <thead>
          <tr>
            <th>{t('table.date')}</th>
            <th>{t('table.type')}</th>
            <th className="num">{t('table.quantity')}</th>
            <th className="num">{t('table.priceAmount')}</th>
            <th className="num">{t('table.fees')}</th>
            <th className="num">{t('table.total')}</th>
            <th>{t('table.note')}</th>
            <th>
              <span className="sr-only">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((tx) => {
            const total =
              tx.type === 'buy'
                ? -(tx.quantity * tx.price + tx.fees)
                : tx.type === 'sell'
                  ? tx.quantity * tx.price - tx.fees
                  : tx.type === 'dividend'
                    ? tx.price - tx.fees
                    : tx.type === 'fee'
                      ? -(tx.price + tx.fees)
                      : null;
            return (
              <tr key={tx.id}>
                <td>{formatDate(tx.date, locale)}</td>
                <td>
                  <span className={`badge tx-${tx.type}`}>{t(TYPE_LABEL[tx.type])}</span>
                  {tx.type === 'transfer-out' || tx.type === 'transfer-in' ? (
                    <span className="muted tx-counter">
                      {' '}
                      {tx.type === 'transfer-out' ? t('table.to', { account: accountName(tx.counterAccountId) }) : t('table.from', { account: accountName(tx.counterAccountId) })}
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  {tx.type === 'split'
                    ? `${formatNumber(tx.splitFrom, locale, 6)} → ${formatNumber(tx.splitTo, locale, 6)}`
                    : tx.type === 'fee' || (tx.type === 'dividend' && tx.quantity === 0)
                      ? ''
                      : formatNumber(tx.quantity, locale, 6)}
                </td>
                <td className="num">{tx.type === 'split' ? '' : formatMoney(tx.price, tx.currency, locale)}</td>
                <td className="num">{tx.fees ? formatMoney(tx.fees, tx.currency, locale) : ''}</td>
                <td className="num">{total === null ? '' : formatMoney(total, tx.currency, locale)}</td>
                <td className="muted tx-note">{tx.note}</td>
                <td className="row-actions">
                  {/* A transfer is two lines in two accounts: it is deleted (both lines) and entered again, not edited. */}
                  {tx.type === 'transfer-out' || tx.type === 'transfer-in' ? null : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => onEdit(tx)} aria-label={t('table.editRow', { type: t(TYPE_WORD[tx.type]), date: tx.date })}>
                      {t('common:edit')}
                    </button>
                  )}
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => onDelete(tx)} aria-label={t('table.deleteRow', { type: t(TYPE_WORD[tx.type]), date: tx.date })}>
                    {t('common:delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
