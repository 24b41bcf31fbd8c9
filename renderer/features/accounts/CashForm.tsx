import { useState, type FormEvent, type ReactElement } from 'react';
import { CASH_TRANSACTION_TYPES, type CashTransactionType } from '@shared/domain/transactions/imported-transaction';
import { api, errorMessage } from '@renderer/api/client';
import { selectAccounts, useAccountsStore } from './accountsStore';
import '@renderer/features/transactions/transactions.css';
import './accounts.css';

const LABELS: Record<CashTransactionType, string> = {
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  interest: 'Interest',
  fee: 'Fee',
  tax: 'Tax',
  refund: 'Tax refund',
  exchange: 'Currency exchange',
  'transfer-out': 'Transfer to another account',
  'transfer-in': 'Transfer from another account',
};

/** A cash line (no security needed). Warnings (e.g. a withdrawal beyond the balance) are shown, not blocking. */
export function CashForm({ onClose }: { onClose(): void }): ReactElement {
  const accounts = useAccountsStore(selectAccounts);
  const selected = useAccountsStore((s) => s.selectedId);
  const first = accounts.find((a) => a.id === selected) ?? accounts.find((a) => a.tracksCash) ?? accounts[0];
  const [accountId, setAccountId] = useState<number | null>(first?.id ?? null);
  const [type, setType] = useState<CashTransactionType>('deposit');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(first?.currency ?? 'EUR');
  const [counterAmount, setCounterAmount] = useState('');
  const [counterCurrency, setCounterCurrency] = useState('');
  const [counterAccountId, setCounterAccountId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const isTransfer = type === 'transfer-out' || type === 'transfer-in';

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await api.call('cash.create', {
        ...(accountId === null ? {} : { accountId }),
        type,
        date,
        amount: amount.trim(),
        currency: currency.toUpperCase(),
        counterAmount: type === 'exchange' ? counterAmount.trim() : null,
        counterCurrency: type === 'exchange' ? counterCurrency.toUpperCase() : null,
        counterAccountId: isTransfer ? counterAccountId : null,
      });
      if (saved.warnings.length > 0) setWarning(saved.warnings.map((w) => w.message).join(' '));
      else onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const rate = type === 'exchange' && Number(amount) > 0 && Number(counterAmount) > 0 ? Number(counterAmount) / Number(amount) : null;

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="cash-title">
        <h2 id="cash-title">Add cash line</h2>
        <form className="account-form" onSubmit={(e) => void submit(e)}>
          <label>
            Type
            <select className="input" autoFocus value={type} onChange={(e) => setType(e.target.value as CashTransactionType)}>
              {CASH_TRANSACTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Account
            <select className="input" value={accountId ?? ''} onChange={(e) => setAccountId(Number(e.target.value))}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Date
            <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            {type === 'exchange' ? 'Amount out' : 'Amount'}
            <input className="input num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label>
            Currency
            <input className="input" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </label>
          {type === 'exchange' ? (
            <>
              <label>
                Amount in
                <input className="input num" inputMode="decimal" value={counterAmount} onChange={(e) => setCounterAmount(e.target.value)} />
              </label>
              <label>
                Currency in
                <input className="input" maxLength={3} value={counterCurrency} onChange={(e) => setCounterCurrency(e.target.value.toUpperCase())} />
              </label>
              <p className="muted">{rate === null ? 'Rate paid: enter both amounts' : `Rate paid: 1 ${currency} = ${rate.toFixed(4)} ${counterCurrency}`}</p>
            </>
          ) : null}
          {isTransfer ? (
            <label>
              {type === 'transfer-out' ? 'To account' : 'From account'}
              <select className="input" value={counterAccountId ?? ''} onChange={(e) => setCounterAccountId(e.target.value === '' ? null : Number(e.target.value))}>
                <option value="">Choose…</option>
                {accounts
                  .filter((a) => a.id !== accountId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : null}
          <div>
            <button type="submit" className="btn btn-primary">
              Save
            </button>{' '}
            <button type="button" className="btn" onClick={onClose}>
              {warning ? 'Done' : 'Cancel'}
            </button>
          </div>
        </form>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {warning ? <p className="stat-note">Saved. {warning}</p> : null}
      </div>
    </div>
  );
}
