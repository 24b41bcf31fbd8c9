import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holding } from '@shared/api/holdings';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';
import { parseTypedNumber } from '@shared/domain/common/typed-number';
import { useLocale } from '@renderer/stores/settingsStore';
import { DateField } from '@renderer/ui/DateField';
import { formatNumber } from '@renderer/ui/format';
import { selectAccounts, useAccountsStore } from './accountsStore';
import '@renderer/styles/forms.css';
import './accounts.css';

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError) || typeof error.details !== 'object' || error.details === null) return {};
  const details = error.details as { fields?: { field: string; message: string }[]; issues?: { path: string[]; message: string }[] };
  const out: Record<string, string> = {};
  for (const f of details.fields ?? []) out[f.field] ??= f.message;
  for (const i of details.issues ?? []) out[i.path[0] ?? 'form'] ??= i.message;
  return out;
}

/**
 * Moves shares from one account to another. The lots go with their original dates and costs: no
 * sale, no gain, and for the whole portfolio nothing happens; each account sees shares leave or arrive.
 */
export function TransferForm({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation(['accounts', 'common']);
  const locale = useLocale();
  const accounts = useAccountsStore(selectAccounts);
  const selected = useAccountsStore((s) => s.selectedId);
  const [fromId, setFromId] = useState<number | null>(selected ?? accounts[0]?.id ?? null);
  const [toId, setToId] = useState<number | null>(accounts.find((a) => a.id !== (selected ?? accounts[0]?.id))?.id ?? null);
  const [held, setHeld] = useState<{ accountId: number; holdings: Holding[] } | null>(null);
  const [securityId, setSecurityId] = useState<number | null>(null);
  const [date, setDate] = useState(localToday());
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // What the giving account holds, to pick from.
  useEffect(() => {
    if (fromId === null) return;
    let live = true;
    api.call('holdings.list', { accountId: fromId }).then(
      (r) => live && setHeld({ accountId: fromId, holdings: r.holdings.filter((h) => h.quantity > 0) }),
      (e: unknown) => live && setFormError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [fromId]);
  const holdings = held !== null && held.accountId === fromId ? held.holdings : null;
  const chosen = holdings?.find((h) => h.securityId === securityId) ?? holdings?.[0] ?? null;

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (fromId === null || toId === null || chosen === null) {
      setErrors({ securityId: chosen === null ? t('transfer.nothingToMove') : '', toAccountId: toId === null ? t('transfer.chooseTo') : '' });
      return;
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      await api.call('transactions.transfer', {
        securityId: chosen.securityId,
        fromAccountId: fromId,
        toAccountId: toId,
        date,
        quantity: parseTypedNumber(quantity, locale),
        note,
      });
      onClose();
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(errorMessage(err));
      setSaving(false);
    }
  };
  const err = (field: string): ReactElement | null =>
    errors[field] ? (
      <span className="field-error" id={`transfer-err-${field}`} role="alert">
        {errors[field]}
      </span>
    ) : null;
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `transfer-err-${field}` } : {});

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="transfer-title">
        <form className="cash-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="modal-head cash-wide">
            <h2 id="transfer-title">{t('transfer.title')}</h2>
            <span className="muted kbd-hint">
              <kbd>Enter</kbd> {t('transfer.saves')} · <kbd>Esc</kbd> {t('transfer.cancels')}
            </span>
          </div>
          <p className="muted cash-wide transfer-note">
            {t('transfer.lead')}
          </p>
          <div className="field">
            <label htmlFor="transfer-from">{t('transfer.fromAccount')}</label>
            <select
              id="transfer-from"
              className="input"
              autoFocus
              value={fromId ?? ''}
              onChange={(e) => {
                const id = Number(e.target.value);
                setFromId(id);
                setSecurityId(null);
                if (toId === id) setToId(accounts.find((a) => a.id !== id)?.id ?? null);
              }}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.currency})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="transfer-to">{t('transfer.toAccount')}</label>
            <select id="transfer-to" className="input" value={toId ?? ''} onChange={(e) => setToId(Number(e.target.value))} {...invalid('toAccountId')}>
              {accounts
                .filter((a) => a.id !== fromId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.currency})
                  </option>
                ))}
            </select>
            {err('toAccountId')}
          </div>
          <div className="field cash-wide">
            <label htmlFor="transfer-security">{t('transfer.security')}</label>
            <select
              id="transfer-security"
              className="input"
              value={chosen?.securityId ?? ''}
              disabled={holdings === null || holdings.length === 0}
              onChange={(e) => setSecurityId(Number(e.target.value))}
              {...invalid('securityId')}
            >
              {holdings === null ? <option value="">{t('transfer.loadingHeld')}</option> : null}
              {holdings !== null && holdings.length === 0 ? <option value="">{t('transfer.noShares')}</option> : null}
              {(holdings ?? []).map((h) => (
                <option key={h.securityId} value={h.securityId}>
                  {t('transfer.held', { symbol: h.symbol, name: h.name, quantity: formatNumber(h.quantity, locale, 6) })}
                </option>
              ))}
            </select>
            {err('securityId')}
          </div>
          <div className="field">
            <label htmlFor="transfer-date">{t('transfer.date')}</label>
            <DateField id="transfer-date" value={date} onChange={setDate} invalid={Boolean(errors.date)} describedBy={errors.date ? 'transfer-err-date' : undefined} />
            {err('date')}
          </div>
          <div className="field">
            <label htmlFor="transfer-quantity">{t('transfer.shares')}</label>
            <div className="input-with-unit">
              <input id="transfer-quantity" className="input num" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} {...invalid('quantity')} />
              <button type="button" className="btn unit" disabled={chosen === null} onClick={() => chosen && setQuantity(String(chosen.quantity))}>
                {t('transfer.all')}
              </button>
            </div>
            {err('quantity')}
          </div>
          <div className="field cash-wide">
            <label htmlFor="transfer-note">{t('transfer.note')}</label>
            <input id="transfer-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('transfer.optional')} />
          </div>
          {formError ? (
            <p className="field-error cash-wide" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="modal-actions cash-wide">
            <button type="button" className="btn" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving || chosen === null}>
              {saving ? t('transfer.moving') : t('transfer.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
