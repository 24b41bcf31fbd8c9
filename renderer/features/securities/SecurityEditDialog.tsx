import { useEffect, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SecurityKind, type Security } from '@shared/api/securities';
import { api, ApiCallError, errorMessage } from '@renderer/api/client';
import { fieldMessages, formValues, securityPatch, type SecurityFormValues } from './securityForm';
import '@renderer/features/transactions/transactions.css';
import './securities.css';

/** The catalogue key of each kind's name (securities namespace). */
const KIND_LABELS = {
  stock: 'kind.stock',
  etf: 'kind.etf',
  index: 'kind.index',
  fx: 'kind.fx',
  fund: 'kind.fund',
  crypto: 'kind.crypto',
} as const satisfies Record<Security['kind'], string>;
export const kindLabel = (kind: Security['kind']): (typeof KIND_LABELS)[Security['kind']] => KIND_LABELS[kind];

/** Not text: a class name and a field name, kept out of JSX for the literal-string lint. */
const UPPER = 'sec-upper';
const KIND = 'kind';

type Relink = { state: 'offer' } | { state: 'busy' } | { state: 'done'; text: string } | { state: 'error'; text: string };

/**
 * Edit one stored security: symbol, name, exchange, currency, kind, ISIN,
 * aliases (the names news may use) and shares per unit. Enter saves, Esc
 * cancels. After the aliases change, stored news can be linked again.
 */
export function SecurityEditDialog({
  security,
  onClose,
  onDeleted,
}: {
  security: Security;
  onClose(saved: Security | null): void;
  onDeleted(): void;
}): ReactElement {
  const { t } = useTranslation(['securities', 'common']);
  const [values, setValues] = useState<SecurityFormValues>(() => formValues(security));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Security | null>(null);
  const [relink, setRelink] = useState<Relink>({ state: 'offer' });
  const [transactionCount, setTransactionCount] = useState<number | null>(null);
  const [issuer, setIssuer] = useState<{ name: string; aliases: string[] } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('securities.get', { id: security.id }).then(
      (got) => {
        if (!live) return;
        setTransactionCount(got.transactionCount);
        setIssuer(got.issuer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [security.id]);

  const set = (field: keyof SecurityFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: '', form: '' }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const { patch, errors: local } = securityPatch(security, values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    if (Object.keys(patch).length === 0) {
      onClose(null);
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const updated = await api.call('securities.update', { id: security.id, ...patch });
      setSaving(false);
      // New names only reach news stored from now on unless the old events are linked again.
      if (patch.aliases !== undefined || patch.name !== undefined || patch.symbol !== undefined) setSaved(updated);
      else onClose(updated);
    } catch (error) {
      const byField = fieldMessages(error instanceof ApiCallError ? error.details : undefined, errorMessage(error));
      setErrors(Object.keys(byField).length === 0 ? { form: errorMessage(error) } : byField);
      setSaving(false);
    }
  };

  const runRelink = async (): Promise<void> => {
    setRelink({ state: 'busy' });
    try {
      const r = await api.call('news.relink', {});
      const changes =
        r.linksAdded === 0 && r.linksRemoved === 0 ? t('edit.noLinkChanged') : t('edit.linksChanged', { count: r.linksAdded, removed: r.linksRemoved });
      setRelink({ state: 'done', text: t('edit.checked', { count: r.events, changes }) });
    } catch (error) {
      setRelink({ state: 'error', text: errorMessage(error) });
    }
  };

  const remove = async (): Promise<void> => {
    setSaving(true);
    try {
      await api.call('securities.delete', { id: security.id });
      onDeleted();
    } catch (error) {
      setErrors({ form: errorMessage(error) });
      setConfirmDelete(false);
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose(saved);
  };

  const err = (field: string): ReactElement | null =>
    errors[field] ? (
      <span className="field-error" id={`sec-err-${field}`} role="alert">
        {errors[field]}
      </span>
    ) : null;
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `sec-err-${field}` } : {});
  const input = (field: keyof SecurityFormValues, label: string, extra: { hint?: string; autoFocus?: boolean; placeholder?: string; className?: string; wide?: boolean } = {}) => (
    <div className={`field${extra.wide ? ' sec-wide' : ''}`}>
      <label htmlFor={`sec-${field}`}>{label}</label>
      <input
        id={`sec-${field}`}
        className={`input ${extra.className ?? ''}`}
        value={values[field]}
        autoFocus={extra.autoFocus}
        placeholder={extra.placeholder}
        onChange={(e) => set(field)(e.target.value)}
        {...invalid(field)}
      />
      {err(field) ?? (extra.hint ? <span className="field-hint">{extra.hint}</span> : null)}
    </div>
  );

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose(saved)} onKeyDown={onKeyDown}>
      <div className="modal card sec-dialog" role="dialog" aria-modal="true" aria-labelledby="sec-edit-title">
        {saved ? (
          <div className="sec-saved">
            <div className="modal-head">
              <h2 id="sec-edit-title">{t('edit.savedTitle', { symbol: saved.symbol })}</h2>
            </div>
            <p>{t('edit.savedText')}</p>
            {relink.state === 'done' ? <p className="sec-relink-result" role="status">{relink.text}</p> : null}
            {relink.state === 'error' ? <p className="field-error" role="alert">{relink.text}</p> : null}
            <div className="modal-actions">
              <button type="button" className="btn" onClick={() => onClose(saved)} autoFocus={relink.state === 'done'}>
                {relink.state === 'done' ? t('common:close') : t('edit.notNow')}
              </button>
              {relink.state !== 'done' ? (
                <button type="button" className="btn btn-primary" autoFocus disabled={relink.state === 'busy'} onClick={() => void runRelink()}>
                  {relink.state === 'busy' ? t('edit.relinking') : t('edit.relink')}
                </button>
              ) : null}
            </div>
          </div>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <div className="modal-head">
              <h2 id="sec-edit-title">{t('edit.title', { symbol: security.symbol })}</h2>
              <span className="muted kbd-hint">
                <kbd>Enter</kbd> {t('edit.saves')} · <kbd>Esc</kbd> {t('edit.cancels')}
              </span>
            </div>
            <div className="sec-grid">
              {input('name', t('edit.name'), { autoFocus: true, wide: true })}
              {input('symbol', t('edit.symbol'), { className: UPPER })}
              {input('exchange', t('edit.exchange'), { placeholder: t('edit.exchangePlaceholder') })}
              {input('currency', t('edit.currency'), {
                className: UPPER,
                hint: transactionCount ? t('edit.currencyFixed') : t('edit.currencyHint'),
              })}
              <div className="field">
                <label htmlFor="sec-kind">{t('edit.kind')}</label>
                <select id="sec-kind" className="select" value={values.kind} onChange={(e) => set(KIND)(e.target.value)} {...invalid(KIND)}>
                  {SecurityKind.options.map((k) => (
                    <option key={k} value={k}>
                      {t(KIND_LABELS[k])}
                    </option>
                  ))}
                </select>
                {err(KIND)}
              </div>
              {input('isin', t('edit.isin'), { className: UPPER, placeholder: 'KYG017191142' })}
              {input('sharesPerUnit', t('edit.sharesPerUnit'), { hint: t('edit.sharesPerUnitHint') })}
              {input('aliases', t('edit.aliases'), {
                wide: true,
                placeholder: t('edit.aliasesPlaceholder'),
                hint: t('edit.aliasesHint'),
              })}
            </div>
            {issuer ? (
              <p className="field-hint sec-issuer-names">
                {t('edit.issuerNames', { issuer: issuer.name, names: [issuer.name, ...issuer.aliases].filter((n, i, all) => all.indexOf(n) === i).join(', ') })}
              </p>
            ) : null}
            {errors.form ? (
              <div className="field-error" role="alert">
                {errors.form}
              </div>
            ) : null}
            <div className="modal-actions">
              {confirmDelete ? (
                <span className="sec-delete-confirm">
                  <span>{t('edit.confirmDelete', { symbol: security.symbol })}</span>
                  <button type="button" className="btn btn-small btn-danger" disabled={saving} onClick={() => void remove()}>
                    {t('common:delete')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(false)}>
                    {t('common:keep')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="btn btn-ghost sec-delete"
                  onClick={() => setConfirmDelete(true)}
                  title={transactionCount ? t('edit.cannotDelete') : undefined}
                >
                  {t('edit.deleteSecurity')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => onClose(null)}>
                {t('common:cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={saving}>
                {saving ? t('common:saving') : t('edit.saveChanges')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
