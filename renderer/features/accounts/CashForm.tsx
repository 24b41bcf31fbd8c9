import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashTransactionFieldsInput, FieldWarning } from '@shared/api/cash';
import { CASH_TRANSACTION_TYPES, type CashTransactionType } from '@shared/domain/transactions/imported-transaction';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';
import { selectAccounts, useAccountsStore } from './accountsStore';
import '@renderer/styles/forms.css';
import { DateField } from '@renderer/ui/DateField';
import { normalizeTypedNumber, parseTypedNumber } from '@shared/domain/common/typed-number';
import { useLocale } from '@renderer/stores/settingsStore';
import { formatDate, formatMoney, formatNumber } from '@renderer/ui/format';
import './accounts.css';

const LABELS = {
  deposit: 'cashForm.type.deposit',
  withdrawal: 'cashForm.type.withdrawal',
  interest: 'cashForm.type.interest',
  fee: 'cashForm.type.fee',
  tax: 'cashForm.type.tax',
  refund: 'cashForm.type.refund',
  exchange: 'cashForm.type.exchange',
  'transfer-out': 'cashForm.type.transferOut',
  'transfer-in': 'cashForm.type.transferIn',
} as const satisfies Record<CashTransactionType, string>;

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
  const { t } = useTranslation(['accounts', 'common']);
  const locale = useLocale();
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
  const [checkedWarnings, setLiveWarnings] = useState<FieldWarning[]>([]);
  // An emptied amount has nothing to check: what the last check said no longer applies.
  const liveErrors = amount.trim() === '' ? {} : checkedErrors;
  const liveWarnings = amount.trim() === '' ? [] : checkedWarnings;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string): void => setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
  const isTransfer = type === 'transfer-out' || type === 'transfer-in';
  const typed = (text: string): string => normalizeTypedNumber(text, locale) ?? text.trim();

  const fields: CashTransactionFieldsInput = {
    ...(accountId === null ? {} : { accountId }),
    type,
    date,
    // Exact decimal text for the backend, read in the user's number format ("1.234,56" in German); unreadable text goes as typed, so the check names it.
    amount: typed(amount),
    currency: currency.toUpperCase(),
    counterAmount: type === 'exchange' ? typed(counterAmount) : null,
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

  const warningText = (w: FieldWarning): string =>
    t(w.params.date === date ? 'cashForm.negativeBalance' : 'cashForm.negativeLater', { currency: w.params.currency, date: formatDate(w.params.date, locale), balance: formatMoney(Number(w.params.balance), w.params.currency, locale) });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await api.call('cash.create', fields);
      // Warnings the live check already showed were seen; one it had not caught yet is shown now.
      const unseen = saved.warnings.filter((w) => !liveWarnings.some((l) => l.message === w.message));
      if (unseen.length > 0) setWarning(unseen.map(warningText).join(' '));
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
  const accountName = (id: number): string => accounts.find((a) => a.id === id)?.name ?? t('cashForm.accountN', { id });
  const amountValue = parseTypedNumber(amount, locale);
  const counterValue = parseTypedNumber(counterAmount, locale);
  const rate = type === 'exchange' && amountValue > 0 && counterValue > 0 ? counterValue / amountValue : null;

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="cash-title">
        <form className="cash-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="modal-head cash-wide">
            <h2 id="cash-title">{t('cashForm.title')}</h2>
            <span className="muted kbd-hint">
              <kbd>Enter</kbd> {t('cashForm.saves')} · <kbd>Esc</kbd> {t('cashForm.cancels')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="cash-type">{t('cashForm.typeLabel')}</label>
            <select id="cash-type" className="input" autoFocus value={type} onChange={(e) => setType(e.target.value as CashTransactionType)}>
              {CASH_TRANSACTION_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(LABELS[ty])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cash-account">{t('cashForm.account')}</label>
            <select id="cash-account" className="input" value={accountId ?? ''} onChange={(e) => setAccountId(Number(e.target.value))}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.currency}){a.tracksCash ? '' : t('cashForm.noCashLedger')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cash-date">{t('cashForm.date')}</label>
            <DateField id="cash-date" value={date} onChange={(d) => (setDate(d), touch('date'))} invalid={Boolean(invalid('date')['aria-invalid'])} describedBy={invalid('date')['aria-describedby']} />
            {fieldError('date')}
          </div>
          <div className="field">
            <label htmlFor="cash-amount">{type === 'exchange' ? t('cashForm.amountOut') : t('cashForm.amount')}</label>
            <div className="input-with-unit">
              <input id="cash-amount" className="input num" inputMode="decimal" value={amount} onChange={(e) => (setAmount(e.target.value), touch('amount'))} {...invalid('amount')} />
              <input
                aria-label={type === 'exchange' ? t('cashForm.currencyOut') : t('cashForm.currency')}
                className="input unit"
                maxLength={3}
                value={currency}
                onChange={(e) => (setCurrency(e.target.value.toUpperCase()), touch('currency'))}
                {...invalid('currency')}
              />
            </div>
            {fieldError('amount') ?? fieldError('currency')}
          </div>
          {type === 'exchange' ? (
            <>
              <div className="field">
                <label htmlFor="cash-counter-amount">{t('cashForm.amountIn')}</label>
                <div className="input-with-unit">
                  <input
                    id="cash-counter-amount"
                    className="input num"
                    inputMode="decimal"
                    value={counterAmount}
                    onChange={(e) => (setCounterAmount(e.target.value), touch('counterAmount'))}
                    {...invalid('counterAmount')}
                  />
                  <input
                    aria-label={t('cashForm.currencyIn')}
                    className="input unit"
                    maxLength={3}
                    value={counterCurrency}
                    onChange={(e) => (setCounterCurrency(e.target.value.toUpperCase()), touch('counterCurrency'))}
                    {...invalid('counterCurrency')}
                  />
                </div>
                {fieldError('counterAmount') ?? fieldError('counterCurrency')}
              </div>
              <p className="muted cash-rate">{rate === null ? t('cashForm.rateEmpty') : t('cashForm.rate', { from: currency, rate: formatNumber(rate, locale, 4, 4), to: counterCurrency })}</p>
            </>
          ) : null}
          {isTransfer ? (
            <div className="field">
              <label htmlFor="cash-counter-account">{type === 'transfer-out' ? t('cashForm.toAccount') : t('cashForm.fromAccount')}</label>
              <select
                id="cash-counter-account"
                className="input"
                value={counterAccountId ?? ''}
                onChange={(e) => (setCounterAccountId(e.target.value === '' ? null : Number(e.target.value)), touch('counterAccountId'))}
                {...invalid('counterAccountId')}
              >
                <option value="">{t('cashForm.choose')}</option>
                {accounts
                  .filter((a) => a.id !== accountId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
              {fieldError('counterAccountId')}
            </div>
          ) : null}
          {liveWarnings.length > 0 && warning === null ? (
            <div className="field-warning cash-wide" role="status">
              {liveWarnings.map((w) => (
                <p key={`${w.params.accountId}-${w.params.currency}`}>
                  <strong>
                    {accountName(w.params.accountId)} {w.params.currency}:
                  </strong>{' '}
                  {warningText(w)}{' '}
                  {t('cashForm.stillSave')}
                </p>
              ))}
            </div>
          ) : null}
          {error ? (
            <p className="field-error cash-wide" role="alert">
              {error}
            </p>
          ) : null}
          {warning ? <p className="field-warning cash-wide">{t('cashForm.saved', { warning })}</p> : null}
          <div className="modal-actions cash-wide">
            <button type="button" className="btn" onClick={onClose}>
              {warning ? t('cashForm.done') : t('common:cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={warning !== null}>
              {liveWarnings.length > 0 ? t('cashForm.saveAnyway') : t('cashForm.save')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
