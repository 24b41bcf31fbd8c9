import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { AccountDto, AccountKind } from '@shared/api/accounts';
import { errorMessage } from '@renderer/api/client';
import { useBaseCurrency } from '@renderer/features/settings/settingsStore';
import { selectAccounts, useAccountsStore } from './accountsStore';
import '@renderer/features/transactions/transactions.css';
import './accounts.css';

const KINDS: { value: AccountKind; label: string }[] = [
  { value: 'broker', label: 'Broker' },
  { value: 'bank', label: 'Bank' },
  { value: 'pension', label: 'Pension' },
  { value: 'other', label: 'Other' },
];

interface Draft {
  id?: number;
  name: string;
  institution: string;
  currency: string;
  kind: AccountKind;
  tracksCash: boolean;
}

function draftOf(a: AccountDto): Draft {
  return { id: a.id, name: a.name, institution: a.institution, currency: a.currency, kind: a.kind, tracksCash: a.tracksCash };
}

/** Create, rename and delete accounts. Delete is refused (with the reason) while an account has lines. */
export function AccountsDialog({ onClose }: { onClose(): void }): ReactElement {
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

  const del = async (a: AccountDto): Promise<void> => {
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
          <h2 id="accounts-title">Accounts</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="muted">Your broker, bank and pension accounts. Every transaction and cash line belongs to one.</p>
        <table className="data">
          <thead>
            <tr>
              <th>Name</th>
              <th>Institution</th>
              <th>Currency</th>
              <th>Kind</th>
              <th className="num">Lines</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name}
                  {a.isDefault ? <span className="badge">default</span> : null}
                </td>
                <td>{a.institution}</td>
                <td>{a.currency}</td>
                <td>
                  {KINDS.find((k) => k.value === a.kind)?.label}
                  {a.tracksCash ? '' : ' (no cash)'}
                </td>
                <td className="num">{a.transactionCount + a.cashTransactionCount}</td>
                <td className="acc-actions">
                  <button type="button" className="btn btn-small" aria-label={`Edit ${a.name}`} onClick={() => setDraft(draftOf(a))}>
                    Edit
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Delete ${a.name}`} onClick={() => void del(a)}>
                    Delete
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
              Name
              <input className="input" autoFocus value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </label>
            <label>
              Institution
              <input className="input" value={draft.institution} onChange={(e) => setDraft({ ...draft, institution: e.target.value })} />
            </label>
            <label>
              Currency
              <input className="input" maxLength={3} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })} />
            </label>
            <label>
              Kind
              <select className="input" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as AccountKind })}>
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.tracksCash} onChange={(e) => setDraft({ ...draft, tracksCash: e.target.checked })} /> Keeps a cash balance
            </label>
            <div>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {draft.id === undefined ? 'Create account' : 'Save'}
              </button>{' '}
              <button type="button" className="btn" onClick={() => setDraft(null)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setDraft({ name: '', institution: '', currency: baseCurrency, kind: 'broker', tracksCash: true })}>
            New account
          </button>
        )}
      </div>
    </div>
  );
}
