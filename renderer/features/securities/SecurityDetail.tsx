import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import type { Transaction } from '@shared/api/transactions';
import { api } from '@renderer/api/client';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { TransactionForm } from '@renderer/features/transactions/TransactionForm';
import { TransactionTable } from '@renderer/features/transactions/TransactionTable';
import { useTransactionsStore } from '@renderer/features/transactions/transactionsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { formatDate, formatMoney, formatNumber } from '@renderer/ui/format';
import { SecurityEditDialog } from './SecurityEditDialog';
import { SECURITY_TOPICS, useSecurityDetailStore } from './securitiesStore';
import './securities.css';

/** One security: its ledger (edit, delete with undo) and the issuer's other listings side by side. */
export function SecurityDetail({ securityId, onClose }: { securityId: number; onClose(): void }): ReactElement {
  const { t } = useTranslation(['securities', 'common']);
  const locale = useLocale();
  const { security, issuerName, listings, all, error, loadDetail, addListing, setBenchmark } = useSecurityDetailStore();
  const [editing, setEditing] = useState<Transaction | 'new' | null>(null);
  const [editingSecurity, setEditingSecurity] = useState(false);
  const transactions = useTransactionsStore((s) => s.transactions);
  const txError = useTransactionsStore((s) => s.error);
  const loadTransactions = useTransactionsStore((s) => s.load);
  const remove = useTransactionsStore((s) => s.remove);
  const section = useRef<HTMLElement>(null);
  const ready = security !== null && security.id === securityId;

  // Opening a row brings its detail into view below the table.
  useEffect(() => {
    if (ready) section.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [ready]);

  useEffect(() => {
    const load = (): void => {
      void loadDetail(securityId);
      void loadTransactions(securityId);
    };
    load();
    return api.on('data.changed', ({ topics }) => {
      if (touches(topics, SECURITY_TOPICS)) load();
    });
  }, [securityId, loadDetail, loadTransactions]);

  if (error && !security) return <Banner kind="error" title={t('detail.loadFailed')}>{error}</Banner>;
  if (!security || security.id !== securityId) return <Loading />;

  const benchmarks = all.filter((s) => s.id !== security.id && (s.kind === 'index' || s.kind === 'etf'));
  return (
    <section ref={section} className="card card-body security-detail" aria-label={t('detail.label', { symbol: security.symbol })}>
      <div className="detail-head">
        <div>
          <h2>
            {security.symbol} <span className="muted detail-name">{security.name}</span>
          </h2>
          <p className="muted">
            {t('detail.pricesIn', { exchange: security.exchange, currency: security.currency })}
            {security.isin ? t('detail.isin', { isin: security.isin }) : ''}
            {issuerName && issuerName !== security.name ? t('detail.issuedBy', { issuer: issuerName }) : ''}
            {security.sharesPerUnit !== 1 ? t('detail.unitShares', { shares: formatNumber(security.sharesPerUnit, locale) }) : ''}
          </p>
          {security.aliases.length > 0 ? <p className="muted detail-aliases">{t('detail.alsoCalled', { aliases: security.aliases.join(', ') })}</p> : null}
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('detail.addTransaction')}
          </button>
          <button type="button" className="btn" onClick={() => setEditingSecurity(true)}>
            {t('detail.editSecurity')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
      </div>
      {error ? <Banner kind="error">{error}</Banner> : null}
      {txError ? <Banner kind="error" title={t('detail.notDeleted')}>{txError}</Banner> : null}

      <h3>{t('detail.transactions')}</h3>
      {transactions.length === 0 ? (
        <p className="muted">{t('detail.noTransactions')}</p>
      ) : (
        <TransactionTable transactions={transactions} onEdit={(tx) => setEditing(tx)} onDelete={(tx) => void remove([tx.id])} />
      )}

      {listings.length > 1 ? (
        <>
          <h3>{t('detail.allListings', { issuer: issuerName ?? security.name })}</h3>
          <div className="listings">
            {listings.map((l) => (
              <div key={l.symbol} className="listing" aria-current={l.securityId === security.id ? 'true' : undefined}>
                <div className="listing-head">
                  <span className="listing-symbol">{l.symbol}</span>
                  <span className="badge">{l.exchange}</span>
                </div>
                <div className="muted">{l.name}</div>
                <dl>
                  <dt>{t('detail.currency')}</dt>
                  <dd>{l.currency}</dd>
                  <dt>{t('detail.sharesPerUnit')}</dt>
                  <dd>{formatNumber(l.sharesPerUnit, locale)}</dd>
                  <dt>{t('detail.youHold')}</dt>
                  <dd>{formatNumber(l.quantity, locale, 4)}</dd>
                  <dt>{t('detail.lastPrice')}</dt>
                  <dd>
                    {l.lastPrice === null ? (
                      <span className="muted">{t('detail.noPriceYet')}</span>
                    ) : (
                      `${formatMoney(l.lastPrice, l.currency, locale)} · ${formatDate(l.lastPriceDate ?? '', locale)}`
                    )}
                  </dd>
                </dl>
                {l.securityId === null ? (
                  <button type="button" className="btn btn-small listing-add" onClick={() => void addListing(l.symbol)}>
                    {t('detail.addListing', { symbol: l.symbol })}
                  </button>
                ) : null}
              </div>
            ))}
          </div>
        </>
      ) : null}

      <div className="field benchmark-field">
        <label htmlFor="benchmark">{t('detail.benchmark')}</label>
        <select id="benchmark" className="select" value={security.benchmarkId ?? ''} onChange={(e) => void setBenchmark(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('detail.none')}</option>
          {benchmarks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.symbol} — {b.name}
            </option>
          ))}
        </select>
        {benchmarks.length === 0 ? <span className="field-hint">{t('detail.benchmarkHint')}</span> : null}
      </div>

      {editingSecurity ? (
        <SecurityEditDialog
          security={security}
          onClose={() => setEditingSecurity(false)}
          onDeleted={() => {
            setEditingSecurity(false);
            onClose();
          }}
        />
      ) : null}

      {editing ? (
        <TransactionForm
          initial={editing === 'new' ? null : editing}
          security={security}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}
