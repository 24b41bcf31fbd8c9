import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Security, SecuritySearchHit } from '@shared/api/securities';
import { api, errorMessage } from '@renderer/api/client';
import './securities.css';

export type PickedSecurity = Pick<Security, 'id' | 'symbol' | 'name' | 'currency'>;

/**
 * Search-as-you-type over your securities and the built-in catalogue ("Ali" → 9988.HK, BABA).
 * Picking a catalogue listing adds it in one step. Arrow keys move, Enter picks, Esc closes
 * the list (a second Esc reaches the form, which cancels).
 */
export function SecurityPicker({
  value,
  onChange,
  invalid,
  autoFocus,
}: {
  value: PickedSecurity | null;
  onChange(security: PickedSecurity): void;
  invalid?: boolean;
  autoFocus?: boolean;
}): ReactElement {
  const { t } = useTranslation('securities');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SecuritySearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [custom, setCustom] = useState<{ name: string; currency: string } | null>(null);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (q === '') return;
    const timer = setTimeout(() => {
      api.call('securities.search', { query: q, limit: 8 }).then(
        (result) => {
          if (seq.current !== mine) return;
          setHits(result);
          setActive(0);
        },
        (e: unknown) => setError(errorMessage(e)),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  const pick = async (hit: SecuritySearchHit): Promise<void> => {
    setError(null);
    if (hit.securityId !== null) {
      onChange({ id: hit.securityId, symbol: hit.symbol, name: hit.name, currency: hit.currency });
    } else {
      setBusy(true);
      try {
        const added = await api.call('securities.create', { catalogueSymbol: hit.symbol });
        onChange(added);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    }
    setQuery('');
    setHits([]);
    setOpen(false);
  };

  const addCustom = async (): Promise<void> => {
    if (!custom) return;
    setBusy(true);
    setError(null);
    try {
      const added = await api.call('securities.create', {
        custom: { symbol: query.trim(), name: custom.name.trim() || query.trim(), currency: custom.currency, exchange: 'OTHER', kind: 'stock' },
      });
      onChange(added);
      setCustom(null);
      setQuery('');
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = query.trim() === '' ? [] : hits;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(0, shown.length - 1)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && shown.length > 0) {
      // Enter picks while the list is open; otherwise it submits the form.
      event.preventDefault();
      const hit = shown[active];
      if (hit) void pick(hit);
    } else if (event.key === 'Escape' && open && query !== '') {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="picker">
      <input
        id="tx-security"
        className="input"
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid ? 'true' : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={value ? `${value.symbol} — ${value.name}` : t('picker.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setCustom(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {value && query === '' ? (
        <div className="picker-selected">
          <strong>{value.symbol}</strong> <span className="muted">{value.name} · {value.currency}</span>
        </div>
      ) : null}
      {open && shown.length > 0 ? (
        <ul className="picker-list" role="listbox" id={listId}>
          {shown.map((hit, i) => (
            <li
              key={hit.symbol}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                void pick(hit);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="picker-symbol">{hit.symbol}</span>
              <span className="picker-name">
                {hit.name}
                {hit.matched !== hit.symbol && hit.matched !== hit.name ? <span className="muted"> · {hit.matched}</span> : null}
              </span>
              <span className="picker-meta">
                {hit.exchange} · {hit.currency}
                {hit.sharesPerUnit !== 1 ? t('picker.perUnit', { shares: hit.sharesPerUnit }) : ''}
              </span>
              {hit.securityId === null ? <span className="badge badge-accent">{t('picker.add')}</span> : <span className="badge">{t('picker.yours')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {query.trim().length >= 2 && hits.length === 0 && !busy ? (
        custom ? (
          <div className="picker-custom">
            <input
              className="input"
              aria-label={t('picker.newName')}
              placeholder={t('picker.name')}
              value={custom.name}
              onChange={(e) => setCustom({ ...custom, name: e.target.value })}
            />
            <input
              className="input picker-ccy"
              aria-label={t('picker.newCurrency')}
              value={custom.currency}
              maxLength={3}
              onChange={(e) => setCustom({ ...custom, currency: e.target.value.toUpperCase() })}
            />
            <button type="button" className="btn btn-small" onClick={() => void addCustom()}>
              {t('picker.addSymbol', { symbol: query.trim().toUpperCase() })}
            </button>
          </div>
        ) : (
          <button type="button" className="btn btn-ghost btn-small picker-add" onClick={() => setCustom({ name: '', currency: 'USD' })}>
            {t('picker.notInList', { symbol: query.trim().toUpperCase() })}
          </button>
        )
      ) : null}
      {busy ? <div className="field-hint">{t('picker.adding')}</div> : null}
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}
