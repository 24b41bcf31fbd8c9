import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountKind } from '@shared/api/accounts';
import { errorMessage } from '@renderer/api/client';
import { useBaseCurrency } from '@renderer/features/settings/settingsStore';
import { selectAccounts, useAccountsStore } from './accountsStore';
import '@renderer/features/transactions/transactions.css';
import './accounts.css';

const KINDS = [
  { value: 'broker', label: 'kind.broker' },
  { value: 'bank', label: 'kind.bank' },
  { value: 'pension', label: 'kind.pension' },
  { value: 'other', label: 'kind.other' },
] as const satisfies readonly { value: AccountKind; label: string }[];

interface Draft {
  id?: number;
  name: string;
  institution: string;
  currency: string;
  kind: AccountKind;
  tracksCash: boolean;
}

function draftOf(a: Account): Draft {
  return { id: a.id, name: a.name, institution: a.institution, currency: a.currency, kind: a.kind, tracksCash: a.tracksCash };
}

/** Create, rename and delete accounts. Delete is refused (with the reason) while an account has lines. */
export function AccountsDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation(['accounts', 'common']);
  const accounts = useAccountsStore(selectAccounts);
  const { load, save, remove } = useAccountsStore();
  const baseCurrency = useBaseCurrency();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      await save({ name: draft.name, institution: draft.institution, currency: draft.currency.toUpperCase(), kind: draft.kind, tracksCash: draft.tracksCash }, draft.id);
      setDraft(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const del = async (a: Account): Promise<void> => {
    setError(null);
    try {
      await remove(a.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal card accounts-modal" role="dialog" aria-modal="true" aria-labelledby="accounts-title">
        <div className="modal-head">
          <h2 id="accounts-title">{t('dialog.title')}</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
        <p className="muted">{t('dialog.lead')}</p>
        <table className="data">
          <thead>
            <tr>
              <th>{t('dialog.name')}</th>
              <th>{t('dialog.institution')}</th>
              <th>{t('dialog.currency')}</th>
              <th>{t('dialog.kind')}</th>
              <th className="num">{t('dialog.lines')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name}
                  {a.isDefault ? <span className="badge">{t('dialog.default')}</span> : null}
                </td>
                <td>{a.institution}</td>
                <td>{a.currency}</td>
                <td>
                  {t(KINDS.find((k) => k.value === a.kind)?.label ?? 'kind.other')}
                  {a.tracksCash ? '' : t('dialog.noCash')}
                </td>
                <td className="num">{a.transactionCount + a.cashTransactionCount}</td>
                <td className="acc-actions">
                  <button type="button" className="btn btn-small" aria-label={t('dialog.editName', { name: a.name })} onClick={() => setDraft(draftOf(a))}>
                    {t('common:edit')}
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-danger" aria-label={t('dialog.deleteName', { name: a.name })} onClick={() => void del(a)}>
                    {t('common:delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {draft ? (
          <form className="account-form" onSubmit={(e) => void submit(e)}>
            <label>
              {t('dialog.name')}
              <input className="input" autoFocus value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </label>
            <label>
              {t('dialog.institution')}
              <input className="input" value={draft.institution} onChange={(e) => setDraft({ ...draft, institution: e.target.value })} />
            </label>
            <label>
              {t('dialog.currency')}
              <input className="input" maxLength={3} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })} />
            </label>
            <label>
              {t('dialog.kind')}
              <select className="input" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as AccountKind })}>
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {t(k.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.tracksCash} onChange={(e) => setDraft({ ...draft, tracksCash: e.target.checked })} /> {t('dialog.keepsCash')}
            </label>
            <div>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {draft.id === undefined ? t('dialog.create') : t('common:save')}
              </button>{' '}
              <button type="button" className="btn" onClick={() => setDraft(null)}>
                {t('common:cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setDraft({ name: '', institution: '', currency: baseCurrency, kind: 'broker', tracksCash: true })}>
            {t('dialog.new')}
          </button>
        )}
      </div>
    </div>
  );
}
