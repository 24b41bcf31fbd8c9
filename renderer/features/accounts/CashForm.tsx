import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { CashTransactionFieldsInput, FieldWarningDto } from '@shared/api/cash';
import { CASH_TRANSACTION_TYPES, type CashTransactionType } from '@shared/domain/transactions/importedTransaction';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';
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

/** How long typing pauses before the line is checked. */
const CHECK_DELAY_MS = 250;

/** Field errors a failed call names (the router's zod issues or a handler's fields). */
function callFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError) || typeof error.details !== 'object' || error.details === null) return {};
  const details = error.details as { fields?: { field: string; message: string }[]; issues?: { path: string[]; message: string }[] };
  const out: Record<string, string> = {};
  for (const f of details.fields ?? []) out[f.field] ??= f.message;
  for (const i of details.issues ?? []) out[i.path[0] ?? 'form'] ??= i.message;
  return out;
}

/**
 * A cash line (no security needed). While typing, cash.check says what would block the save and
 * warns (without blocking) when the line would take the account's balance in that currency below zero.
 */
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
  const [checkedErrors, setLiveErrors] = useState<Record<string, string>>({});
  const [checkedWarnings, setLiveWarnings] = useState<FieldWarningDto[]>([]);
  // An emptied amount has nothing to check: what the last check said no longer applies.
  const liveErrors = amount.trim() === '' ? {} : checkedErrors;
  const liveWarnings = amount.trim() === '' ? [] : checkedWarnings;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string): void => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const isTransfer = type === 'transfer-out' || type === 'transfer-in';

  const fields: CashTransactionFieldsInput = {
    ...(accountId === null ? {} : { accountId }),
    type,
    date,
    amount: amount.trim(),
    currency: currency.toUpperCase(),
    counterAmount: type === 'exchange' ? counterAmount.trim() : null,
    counterCurrency: type === 'exchange' ? counterCurrency.toUpperCase() : null,
    counterAccountId: isTransfer ? counterAccountId : null,
  };
  const checkKey = JSON.stringify(fields);

  // Live check: nothing to say before an amount is typed.
  useEffect(() => {
    if (amount.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('cash.check', JSON.parse(checkKey) as CashTransactionFieldsInput).then(
        (r) => {
          if (!live) return;
          setLiveErrors(Object.fromEntries(r.errors.map((e) => [e.field, e.message])));
          setLiveWarnings(r.warnings);
        },
        (err: unknown) => {
          if (!live) return;
          setLiveErrors(callFieldErrors(err));
          setLiveWarnings([]);
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [checkKey, amount]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await api.call('cash.create', fields);
      // Warnings the live check already showed were seen; one it had not caught yet is shown now.
      const unseen = saved.warnings.filter((w) => !liveWarnings.some((l) => l.message === w.message));
      if (unseen.length > 0) setWarning(unseen.map((w) => w.message).join(' '));
      else onClose();
    } catch (err) {
      setTouched(new Set(['amount', 'counterAmount', 'counterCurrency', 'counterAccountId', 'date', 'currency']));
      setLiveErrors(callFieldErrors(err));
      setError(errorMessage(err));
    }
  };
  const fieldError = (field: string): ReactElement | null =>
    touched.has(field) && liveErrors[field] ? (
      <span className="field-error" id={`cash-err-${field}`}>
        {liveErrors[field]}
      </span>
    ) : null;
  const invalid = (field: string) => (touched.has(field) && liveErrors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `cash-err-${field}` } : {});
  const accountName = (id: number): string => accounts.find((a) => a.id === id)?.name ?? `account ${id}`;
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
            <input className="input" type="date" value={date} onChange={(e) => (setDate(e.target.value), touch('date'))} {...invalid('date')} />
            {fieldError('date')}
          </label>
          <label>
            {type === 'exchange' ? 'Amount out' : 'Amount'}
            <input className="input num" inputMode="decimal" value={amount} onChange={(e) => (setAmount(e.target.value), touch('amount'))} {...invalid('amount')} />
            {fieldError('amount')}
          </label>
          <label>
            Currency
            <input className="input" maxLength={3} value={currency} onChange={(e) => (setCurrency(e.target.value.toUpperCase()), touch('currency'))} {...invalid('currency')} />
            {fieldError('currency')}
          </label>
          {type === 'exchange' ? (
            <>
              <label>
                Amount in
                <input className="input num" inputMode="decimal" value={counterAmount} onChange={(e) => (setCounterAmount(e.target.value), touch('counterAmount'))} {...invalid('counterAmount')} />
                {fieldError('counterAmount')}
              </label>
              <label>
                Currency in
                <input
                  className="input"
                  maxLength={3}
                  value={counterCurrency}
                  onChange={(e) => (setCounterCurrency(e.target.value.toUpperCase()), touch('counterCurrency'))}
                  {...invalid('counterCurrency')}
                />
                {fieldError('counterCurrency')}
              </label>
              <p className="muted">{rate === null ? 'Rate paid: enter both amounts' : `Rate paid: 1 ${currency} = ${rate.toFixed(4)} ${counterCurrency}`}</p>
            </>
          ) : null}
          {isTransfer ? (
            <label>
              {type === 'transfer-out' ? 'To account' : 'From account'}
              <select
                className="input"
                value={counterAccountId ?? ''}
                onChange={(e) => (setCounterAccountId(e.target.value === '' ? null : Number(e.target.value)), touch('counterAccountId'))}
                {...invalid('counterAccountId')}
              >
                <option value="">Choose…</option>
                {accounts
                  .filter((a) => a.id !== accountId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
              {fieldError('counterAccountId')}
            </label>
          ) : null}
          {liveWarnings.length > 0 && warning === null ? (
            <div className="field-warning cash-warning" role="status">
              {liveWarnings.map((w) => (
                <p key={`${w.params.accountId}-${w.params.currency}`}>
                  <strong>
                    {accountName(w.params.accountId)} {w.params.currency}:
                  </strong>{' '}
                  {w.message} You can still save it; the balance will be flagged.
                </p>
              ))}
            </div>
          ) : null}
          <div className="cash-actions">
            <button type="submit" className="btn btn-primary" disabled={warning !== null}>
              {liveWarnings.length > 0 ? 'Save anyway' : 'Save'}
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
