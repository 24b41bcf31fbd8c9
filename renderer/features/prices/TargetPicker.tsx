import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecuritySearchHit } from '@shared/api/securities';
import { api, errorMessage } from '@renderer/api/client';
import { useBaseCurrency } from '@renderer/stores/settingsStore';
import { draftFromSearch, type NewSecurityDraft } from '@shared/domain/securities/new-from-search';
import { EXCHANGES } from '@shared/domain/securities/exchanges';
import { usePriceImport, type PriceFileJob } from './priceImportStore';
import { kindLabel } from '@renderer/features/securities/SecurityEditDialog';

const CURRENCIES = ['EUR', 'USD', 'HKD', 'GBP', 'CHF', 'CNY', 'JPY', 'SGD', 'CAD', 'AUD'];
const KINDS: NewSecurityDraft['kind'][] = ['index', 'stock', 'etf', 'fund', 'fx', 'crypto'];

/**
 * Which security the prices belong to: the one suggested from the file (already stored,
 * or created from the catalogue in one click), or any other found by search.
 */
export function TargetPicker({ job }: { job: PriceFileJob }): ReactElement {
  const { t } = useTranslation(['prices', 'securities', 'common']);
  const { t: tSecurities } = useTranslation('securities');
  const setTarget = usePriceImport((s) => s.setTarget);
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SecuritySearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<NewSecurityDraft | null>(null);
  const baseCurrency = useBaseCurrency();
  const suggestion = job.preview?.suggestion;

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('securities.search', { query: q, limit: 6 }).then(
        (found) => live && setHits(found),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const create = async (symbol: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.call('securities.create', { catalogueSymbol: symbol });
      await setTarget(job.id, { id: s.id, symbol: s.symbol, name: s.name, exchange: s.exchange, currency: s.currency });
      setQuery('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const createCustom = async (d: NewSecurityDraft): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.call('securities.create', { custom: { symbol: d.symbol, name: d.name, exchange: d.exchange, currency: d.currency, kind: d.kind } });
      await setTarget(job.id, { id: s.id, symbol: s.symbol, name: s.name, exchange: s.exchange, currency: s.currency });
      setDraft(null);
      setQuery('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (hit: SecuritySearchHit): Promise<void> => {
    if (hit.securityId === null) return create(hit.symbol);
    await setTarget(job.id, { id: hit.securityId, symbol: hit.symbol, name: hit.name, exchange: hit.exchange, currency: hit.currency });
    setQuery('');
  };

  const catalogue = suggestion?.catalogue;
  const shown = query.trim() === '' ? [] : hits;
  return (
    <div className="price-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('target.security')}</label>
        <div className="price-picker-row">
          {job.target ? (
            <span className="price-chosen">
              <strong>{job.target.symbol}</strong> {job.target.name} <span className="muted">({job.target.exchange}, {job.target.currency})</span>
            </span>
          ) : catalogue ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void create(catalogue.symbol)}>
              {t('target.create', { symbol: catalogue.symbol, name: catalogue.name, exchange: catalogue.exchange, currency: catalogue.currency })}
            </button>
          ) : suggestion?.symbol ? (
            <span className="muted">{t('target.unknown', { symbol: suggestion.symbol })}</span>
          ) : null}
          <input
            id={`${id}-search`}
            className="input price-search"
            type="search"
            autoComplete="off"
            placeholder={job.target ? t('target.chooseAnother') : t('target.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                void pick(shown[0]);
              }
            }}
          />
        </div>
      </div>
      {shown.length > 0 || (query.trim() !== '' && !draft) ? (
        <ul className="price-hits" aria-label={t('target.matching')}>
          {shown.map((hit) => (
            <li key={hit.symbol}>
              <button type="button" className="price-hit" disabled={busy} onClick={() => void pick(hit)}>
                <strong>{hit.symbol}</strong>
                <span>{hit.name}</span>
                <span className="muted">
                  {hit.exchange} · {hit.currency}
                </span>
                {hit.securityId === null ? <span className="badge badge-accent">{t('securities:picker.add')}</span> : <span className="badge">{t('securities:picker.yours')}</span>}
              </button>
            </li>
          ))}
          {/* not in the catalogue (Euro Stoxx 50): create it from what was typed */}
          <li>
            <button type="button" className="price-hit" disabled={busy} onClick={() => setDraft(draftFromSearch(query, job.preview?.fileCurrency ?? null, baseCurrency))}>
              <strong>{t('target.createTyped', { query: query.trim() })}</strong>
              <span className="muted">{t('target.newIn', { currency: job.preview?.fileCurrency ?? baseCurrency })}</span>
            </button>
          </li>
        </ul>
      ) : null}
      {draft ? (
        <form
          className="price-create"
          aria-label={t('target.newSecurity')}
          onSubmit={(e) => {
            e.preventDefault();
            void createCustom(draft);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-new-symbol`}>{t('target.symbol')}</label>
            <input id={`${id}-new-symbol`} className="input" value={draft.symbol} onChange={(e) => setDraft({ ...draft, symbol: e.target.value })} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-name`}>{t('target.name')}</label>
            <input id={`${id}-new-name`} className="input" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-currency`}>{t('target.currency')}</label>
            <select id={`${id}-new-currency`} className="select" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
              {[...new Set([draft.currency, ...CURRENCIES])].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-kind`}>{t('target.kind')}</label>
            <select id={`${id}-new-kind`} className="select" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as NewSecurityDraft['kind'] })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {tSecurities(kindLabel(k))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-exchange`}>{t('target.exchange')}</label>
            <select id={`${id}-new-exchange`} className="select" value={draft.exchange} onChange={(e) => setDraft({ ...draft, exchange: e.target.value })}>
              {Object.values(EXCHANGES).map((x) => (
                <option key={x.code} value={x.code}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="price-create-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('target.createAndUse')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setDraft(null)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}
