import type { ReactElement } from 'react';
import type { Transaction } from '@shared/api/transactions';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { selectAccounts, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import { formatDate, formatMoney, formatNumber } from '@renderer/ui/format';

const TYPE_LABEL: Record<Transaction['type'], string> = {
  buy: 'Buy',
  sell: 'Sell',
  dividend: 'Dividend',
  split: 'Split',
  fee: 'Fee',
  'transfer-out': 'Transfer out',
  'transfer-in': 'Transfer in',
};

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
  const locale = useLocale();
  const accounts = useAccountsStore(selectAccounts);
  const accountName = (id: number | null): string => accounts.find((a) => a.id === id)?.name ?? 'another account';
  const rows = [...transactions].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Transactions">
        <thead>
          <tr>
            <th>Date</th>
            <th>Type</th>
            <th className="num">Quantity</th>
            <th className="num">Price / amount</th>
            <th className="num">Fees</th>
            <th className="num">Total</th>
            <th>Note</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const total =
              t.type === 'buy'
                ? -(t.quantity * t.price + t.fees)
                : t.type === 'sell'
                  ? t.quantity * t.price - t.fees
                  : t.type === 'dividend'
                    ? t.price - t.fees
                    : t.type === 'fee'
                      ? -(t.price + t.fees)
                      : null;
            return (
              <tr key={t.id}>
                <td>{formatDate(t.date, locale)}</td>
                <td>
                  <span className={`badge tx-${t.type}`}>{TYPE_LABEL[t.type]}</span>
                  {t.type === 'transfer-out' || t.type === 'transfer-in' ? (
                    <span className="muted tx-counter">
                      {' '}
                      {t.type === 'transfer-out' ? 'to' : 'from'} {accountName(t.counterAccountId)}
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  {t.type === 'split'
                    ? `${formatNumber(t.splitFrom, locale, 6)} → ${formatNumber(t.splitTo, locale, 6)}`
                    : t.type === 'fee' || (t.type === 'dividend' && t.quantity === 0)
                      ? ''
                      : formatNumber(t.quantity, locale, 6)}
                </td>
                <td className="num">{t.type === 'split' ? '' : formatMoney(t.price, t.currency, locale)}</td>
                <td className="num">{t.fees ? formatMoney(t.fees, t.currency, locale) : ''}</td>
                <td className="num">{total === null ? '' : formatMoney(total, t.currency, locale)}</td>
                <td className="muted tx-note">{t.note}</td>
                <td className="row-actions">
                  {/* A transfer is two lines in two accounts: it is deleted (both lines) and entered again, not edited. */}
                  {t.type === 'transfer-out' || t.type === 'transfer-in' ? null : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => onEdit(t)} aria-label={`Edit ${t.type} of ${t.date}`}>
                      Edit
                    </button>
                  )}
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => onDelete(t)} aria-label={`Delete ${t.type} of ${t.date}`}>
                    Delete
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
