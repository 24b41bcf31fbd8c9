import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { selectAccounts, useAccountsStore } from '@renderer/features/accounts/accountsStore';
import type { Transaction, TransactionFieldsInput } from '@shared/api/transactions';
import type { FieldWarning } from '@shared/api/cash';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';
import { SecurityPicker, type PickedSecurity } from '@renderer/features/securities/SecurityPicker';
import '@renderer/styles/forms.css';
import { DateField } from '@renderer/ui/DateField';
import { parseTypedNumber } from '@shared/domain/common/typed-number';
import { useLocale } from '@renderer/stores/settingsStore';
import { formatDate, formatMoney } from '@renderer/ui/format';

type TxType = TransactionFieldsInput['type'];

const TYPES = [
  { value: 'buy', label: 'type.buy' },
  { value: 'sell', label: 'type.sell' },
  { value: 'dividend', label: 'type.dividend' },
  { value: 'split', label: 'type.split' },
  { value: 'fee', label: 'type.fee' },
] as const satisfies readonly { value: TxType; label: string }[];

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Field errors from the backend: validateTransaction's `fields`, or zod's `issues`. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError) || typeof error.details !== 'object' || error.details === null) return {};
  const out: Record<string, string> = {};
  const details = error.details as { fields?: { field: string; message: string }[]; issues?: { path: string[]; message: string }[] };
  for (const f of details.fields ?? []) out[f.field.startsWith('splitRatio') ? 'splitRatio' : f.field] ??= f.message;
  for (const i of details.issues ?? []) out[i.path[0] ?? 'form'] ??= i.message;
  return out;
}

/** An empty field is 0; anything else is read in the user's number format (NaN if it is no number, which the check names). */
function parseNumber(text: string, locale: string): number {
  return text.trim() === '' ? 0 : parseTypedNumber(text, locale);
}

/**
 * Add or edit one transaction. Fast with the keyboard: the security search has focus,
 * Enter saves from any field, Esc cancels. Price currency defaults to the security's.
 */
export function TransactionForm({
  initial,
  security: initialSecurity,
  onClose,
}: {
  initial: Transaction | null;
  security: PickedSecurity | null;
  onClose(saved: boolean): void;
}): ReactElement {
  const { t } = useTranslation(['transactions', 'common']);
  const locale = useLocale();
  const [security, setSecurity] = useState<PickedSecurity | null>(initialSecurity);
  // Transfer lines are never opened here (the table offers no Edit for them); a buy is the safe reading.
  const [type, setType] = useState<TxType>(initial && initial.type !== 'transfer-out' && initial.type !== 'transfer-in' ? initial.type : 'buy');
  const [date, setDate] = useState(initial?.date ?? localToday());
  const [quantity, setQuantity] = useState(initial && initial.type !== 'split' && initial.type !== 'fee' ? String(initial.quantity) : '');
  const [price, setPrice] = useState(initial && initial.type !== 'split' ? String(initial.price) : '');
  const [currency, setCurrency] = useState(initial?.currency ?? initialSecurity?.currency ?? '');
  const [fees, setFees] = useState(initial && initial.fees !== 0 ? String(initial.fees) : '');
  const [note, setNote] = useState(initial?.note ?? '');
  const accounts = useAccountsStore(selectAccounts);
  const loadAccounts = useAccountsStore((s) => s.load);
  // An edit keeps its account; a new line goes to the account in view, else the default one (the backend's choice).
  const [accountId, setAccountId] = useState<number | null>(initial?.accountId ?? useAccountsStore.getState().selectedId);
  const [taxes, setTaxes] = useState(initial && initial.taxes !== 0 ? String(initial.taxes) : '');
  useEffect(() => {
    void loadAccounts();
  }, [loadAccounts]);
  const [splitFrom, setSplitFrom] = useState(initial?.splitFrom != null ? String(initial.splitFrom) : '1');
  const [splitTo, setSplitTo] = useState(initial?.splitTo != null ? String(initial.splitTo) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Escape') onClose(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const chooseSecurity = (s: PickedSecurity): void => {
    setSecurity(s);
    setCurrency(s.currency);
    setErrors((e) => ({ ...e, securityId: '' }));
  };

  const fieldsFor = (security: PickedSecurity): TransactionFieldsInput => ({
    securityId: security.id,
    type,
    date,
    quantity: type === 'split' || type === 'fee' ? 0 : parseNumber(quantity, locale),
    price: type === 'split' ? 0 : parseNumber(price, locale),
    currency: currency || security.currency,
    fees: type === 'split' ? 0 : parseNumber(fees, locale),
    splitFrom: type === 'split' ? parseNumber(splitFrom, locale) : null,
    splitTo: type === 'split' ? parseNumber(splitTo, locale) : null,
    note,
    taxes: type === 'dividend' && taxes.trim() !== '' ? parseNumber(taxes, locale) : 0,
    ...(accountId === null ? {} : { accountId }),
  });

  // Live check once there is something to check: what would block the save, and a buy or fee the account's cash cannot pay.
  const [checked, setChecked] = useState<{ key: string; errors: Record<string, string>; warnings: FieldWarning[] } | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string): void => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const needsAmount = type === 'buy' || type === 'sell' ? quantity.trim() !== '' && price.trim() !== '' : type === 'split' ? splitTo.trim() !== '' : price.trim() !== '';
  const checkKey = security && needsAmount ? JSON.stringify({ ...fieldsFor(security), ...(initial ? { id: initial.id } : {}) }) : null;
  useEffect(() => {
    if (checkKey === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('transactions.check', JSON.parse(checkKey) as TransactionFieldsInput & { id?: number }).then(
        (r) => live && setChecked({ key: checkKey, errors: Object.fromEntries(r.errors.map((e) => [e.field.startsWith('splitRatio') ? 'splitRatio' : e.field, e.message])), warnings: r.warnings }),
        (error: unknown) => live && setChecked({ key: checkKey, errors: fieldErrors(error), warnings: [] }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [checkKey]);
  // A check of fields since changed says nothing about the fields now.
  const live = checked !== null && checked.key === checkKey ? checked : null;
  const accountName = (id: number): string => accounts.find((a) => a.id === id)?.name ?? t('form.accountN', { id });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!security) {
      setErrors({ securityId: t('form.chooseSecurity') });
      return;
    }
    setSaving(true);
    setFormError(null);
    setErrors({});
    const fields = fieldsFor(security);
    try {
      if (initial) await api.call('transactions.update', { ...fields, id: initial.id });
      else await api.call('transactions.create', fields);
      onClose(true);
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || byField.form) setFormError(errorMessage(error));
      setSaving(false);
    }
  };

  // A save's errors first; a live check's only under a field the user has typed in.
  const errorOf = (field: string): string | undefined => errors[field] || (touched.has(field) ? live?.errors[field] : undefined);
  const err = (field: string): ReactElement | null => {
    const message = errorOf(field);
    return message ? (
      <span className="field-error" id={`err-${field}`} role="alert">
        {message}
      </span>
    ) : null;
  };
  const invalid = (field: string) => (errorOf(field) ? { 'aria-invalid': true as const, 'aria-describedby': `err-${field}` } : {});
  const priceLabel = type === 'dividend' ? t('form.amountReceived') : type === 'fee' ? t('form.feeAmount') : t('form.pricePerShare');

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose(false)}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="tx-title" ref={dialog}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="modal-head">
            <h2 id="tx-title">{initial ? t('form.editTitle') : t('form.addTitle')}</h2>
            <span className="muted kbd-hint">
              <kbd>Enter</kbd> {t('form.saves')} · <kbd>Esc</kbd> {t('form.cancels')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="tx-security">{t('form.security')}</label>
            <SecurityPicker value={security} onChange={chooseSecurity} invalid={Boolean(errors.securityId)} autoFocus={!initialSecurity} />
            {err('securityId')}
          </div>
          <div className="field">
            <span className="field-label" id="tx-type-label">
              {t('form.type')}
            </span>
            <div className="segmented" role="group" aria-labelledby="tx-type-label">
              {TYPES.map((ty) => (
                <button key={ty.value} type="button" aria-pressed={type === ty.value} onClick={() => setType(ty.value)}>
                  {t(ty.label)}
                </button>
              ))}
            </div>
          </div>
          <div className="tx-grid">
            <div className="field">
              <label htmlFor="tx-date">{t('form.date')}</label>
              <DateField id="tx-date" value={date} onChange={setDate} invalid={Boolean(invalid('date')['aria-invalid'])} describedBy={invalid('date')['aria-describedby']} />
              {err('date')}
            </div>
            {type === 'buy' || type === 'sell' || type === 'dividend' ? (
              <div className="field">
                <label htmlFor="tx-quantity">{type === 'dividend' ? t('form.sharesOptional') : t('form.quantity')}</label>
                <input
                  id="tx-quantity"
                  className="input num"
                  inputMode="decimal"
                  autoFocus={Boolean(initialSecurity)}
                  value={quantity}
                  onChange={(e) => (setQuantity(e.target.value), touch('quantity'))}
                  {...invalid('quantity')}
                />
                {err('quantity')}
              </div>
            ) : null}
            {type === 'split' ? (
              <div className="field">
                <span className="field-label">{t('form.splitRatio')}</span>
                <div className="split-ratio">
                  <input
                    id="tx-split-from"
                    aria-label={t('form.oldShares')}
                    className="input num"
                    inputMode="decimal"
                    value={splitFrom}
                    onChange={(e) => setSplitFrom(e.target.value)}
                    {...invalid('splitRatio')}
                  />
                  <span aria-hidden="true">→</span>
                  <input
                    id="tx-split-to"
                    aria-label={t('form.newShares')}
                    className="input num"
                    inputMode="decimal"
                    placeholder="10"
                    value={splitTo}
                    onChange={(e) => (setSplitTo(e.target.value), touch('splitRatio'))}
                    {...invalid('splitRatio')}
                  />
                </div>
                {err('splitRatio')}
              </div>
            ) : (
              <div className="field">
                <label htmlFor="tx-price">{priceLabel}</label>
                <div className="input-with-unit">
                  <input id="tx-price" className="input num" inputMode="decimal" value={price} onChange={(e) => (setPrice(e.target.value), touch('price'))} {...invalid('price')} />
                  <input
                    aria-label={t('form.currency')}
                    className="input unit"
                    maxLength={3}
                    value={currency}
                    onChange={(e) => setCurrency(e.target.value.toUpperCase())}
                    {...invalid('currency')}
                  />
                </div>
                {err('price') ?? err('currency')}
              </div>
            )}
            {type !== 'split' ? (
              <div className="field">
                <label htmlFor="tx-fees">{t('form.fees')}</label>
                <input id="tx-fees" className="input num" inputMode="decimal" placeholder="0" value={fees} onChange={(e) => (setFees(e.target.value), touch('fees'))} {...invalid('fees')} />
                {err('fees')}
              </div>
            ) : null}
            {type === 'dividend' ? (
              <div className="field">
                <label htmlFor="tx-taxes">{t('form.taxWithheld')}</label>
                <input id="tx-taxes" className="input num" inputMode="decimal" placeholder="0" value={taxes} onChange={(e) => (setTaxes(e.target.value), touch('taxes'))} {...invalid('taxes')} />
                {err('taxes')}
              </div>
            ) : null}
            {accounts.length > 1 ? (
              <div className="field">
                <label htmlFor="tx-account">{t('form.account')}</label>
                <select id="tx-account" className="input" value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))} {...invalid('accountId')}>
                  {accountId === null ? <option value="">{t('form.defaultAccount')}</option> : null}
                  {accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({a.currency})
                    </option>
                  ))}
                </select>
                {err('accountId')}
              </div>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="tx-note">{t('form.note')}</label>
            <input id="tx-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('form.optional')} />
          </div>
          {live && live.warnings.length > 0 ? (
            <div className="field-warning tx-warning" role="status">
              {live.warnings.map((w) => (
                <p key={`${w.params.accountId}-${w.params.currency}`}>
                  <strong>
                    {accountName(w.params.accountId)} {w.params.currency}:
                  </strong>{' '}
                  {t(w.params.date === date ? 'warning.negativeBalance' : 'warning.negativeLater', { currency: w.params.currency, date: formatDate(w.params.date, locale), balance: formatMoney(Number(w.params.balance), w.params.currency, locale) })}{' '}
                  {t('form.stillSave')}
                </p>
              ))}
            </div>
          ) : null}
          {formError ? (
            <div className="field-error" role="alert">
              {formError}
            </div>
          ) : null}
          <div className="modal-actions">
            <button type="button" className="btn" onClick={() => onClose(false)}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? t('common:saving') : live && live.warnings.length > 0 ? t('form.saveAnyway') : initial ? t('form.saveChanges') : t('form.add')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
