import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import { api } from '@renderer/api/client';
import { selectAccounts, selectSelectedAccountId, useAccountsStore } from './accountsStore';
import './accounts.css';

/** "All accounts / <account>": scopes Holdings and the Portfolio chart. Hidden while there is only one account. */
export function AccountSwitcher(): ReactElement | null {
  const { t } = useTranslation('accounts');
  const accounts = useAccountsStore(selectAccounts);
  const selected = useAccountsStore(selectSelectedAccountId);
  const select = useAccountsStore((s) => s.select);
  const load = useAccountsStore((s) => s.load);
  useEffect(() => {
    void load();
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, ['accounts'])) void load();
    });
  }, [load]);
  if (accounts.length < 2) return null;
  return (
    <label className="account-switcher">
      <span className="sr-only">{t('switcher.label')}</span>
      <select className="input" aria-label={t('switcher.label')} value={selected ?? ''} onChange={(e) => select(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('switcher.all')}</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
            {a.institution ? ` · ${a.institution}` : ''} ({a.currency})
          </option>
        ))}
      </select>
    </label>
  );
}
