import { useCallback, useEffect, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '@shared/api/topics';
import type { Security } from '@shared/api/securities';
import { api, errorMessage } from '@renderer/api/client';
import { Loading } from '@renderer/ui/components';
import { SecurityEditDialog, kindLabel } from './SecurityEditDialog';
import '@renderer/features/transactions/transactions.css';
import './securities.css';

/**
 * Every stored security — also indices and exchange rates that only have prices —
 * with edit and delete. Deleting is refused (with the reason) while a security has transactions.
 */
export function ManageSecuritiesDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation(['securities', 'common']);
  const [all, setAll] = useState<Security[] | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Security | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [rowError, setRowError] = useState<{ id: number; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setAll(await api.call('securities.list', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, []);

  // Loaded on open and again when securities change elsewhere (an import adds an index, another window edits).
  useEffect(() => {
    let live = true;
    const fetchList = (): void => {
      api.call('securities.list', {}).then(
        (list) => {
          if (!live) return;
          setAll(list);
          setLoadError(null);
        },
        (error: unknown) => live && setLoadError(errorMessage(error)),
      );
    };
    fetchList();
    const off = api.on('data.changed', ({ topics }) => {
      if (touches(topics, ['securities', 'prices'])) fetchList();
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const remove = async (s: Security): Promise<void> => {
    setRowError(null);
    try {
      await api.call('securities.delete', { id: s.id });
      setConfirming(null);
      await load();
    } catch (error) {
      setConfirming(null);
      setRowError({ id: s.id, text: errorMessage(error) });
    }
  };

  if (editing) {
    return (
      <SecurityEditDialog
        security={editing}
        onClose={() => {
          setEditing(null);
          void load();
        }}
        onDeleted={() => {
          setEditing(null);
          void load();
        }}
      />
    );
  }

  const q = filter.trim().toLowerCase();
  const shown = (all ?? []).filter(
    (s) => q === '' || s.symbol.toLowerCase().includes(q) || s.name.toLowerCase().includes(q) || s.aliases.some((a) => a.toLowerCase().includes(q)),
  );
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={onKeyDown}>
      <div className="modal card sec-manage" role="dialog" aria-modal="true" aria-labelledby="sec-manage-title">
        <div className="modal-head">
          <h2 id="sec-manage-title">{t('manage.title')}</h2>
          <span className="muted kbd-hint">
            <kbd>Esc</kbd> {t('common:escCloses')}
          </span>
        </div>
        <p className="muted sec-manage-intro">{t('manage.intro')}</p>
        <input
          className="input"
          aria-label={t('manage.filter')}
          placeholder={t('manage.filterPlaceholder')}
          value={filter}
          autoFocus
          onChange={(e) => setFilter(e.target.value)}
        />
        {loadError ? <p className="field-error" role="alert">{loadError}</p> : null}
        {all === null && !loadError ? <Loading /> : null}
        {all !== null && all.length === 0 ? <p className="muted">{t('manage.empty')}</p> : null}
        {all !== null && all.length > 0 ? (
          <div className="sec-manage-list">
            <table className="data sec-table">
              <thead>
                <tr>
                  <th>{t('manage.symbol')}</th>
                  <th>{t('manage.name')}</th>
                  <th>{t('manage.kind')}</th>
                  <th>{t('manage.exchangeCurrency')}</th>
                  <th aria-label={t('manage.actions')} />
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.id} aria-label={s.symbol}>
                    <td className="sec-symbol">{s.symbol}</td>
                    <td className="sec-name-cell">
                      <div>{s.name}</div>
                      {s.aliases.length > 0 ? <div className="muted cell-sub sec-aliases">{t('manage.also', { aliases: s.aliases.join(', ') })}</div> : null}
                      {rowError?.id === s.id ? (
                        <div className="field-error" role="alert">
                          {rowError.text}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <span className="badge">{t(kindLabel(s.kind))}</span>
                    </td>
                    <td className="muted">
                      {s.exchange} · {s.currency}
                      {s.sharesPerUnit !== 1 ? t('manage.perUnit', { shares: s.sharesPerUnit }) : ''}
                    </td>
                    <td className="sec-actions">
                      {confirming === s.id ? (
                        <>
                          <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(s)}>
                            {t('manage.deleteSymbol', { symbol: s.symbol })}
                          </button>
                          <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                            {t('common:keep')}
                          </button>
                        </>
                      ) : (
                        <>
                          <button type="button" className="btn btn-small" aria-label={t('manage.editSymbol', { symbol: s.symbol })} onClick={() => setEditing(s)}>
                            {t('common:edit')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small btn-ghost"
                            aria-label={t('manage.deleteSymbol', { symbol: s.symbol })}
                            onClick={() => {
                              setRowError(null);
                              setConfirming(s.id);
                            }}
                          >
                            {t('common:delete')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 ? <p className="muted">{t('manage.noMatch', { filter })}</p> : null}
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
      </div>
    </div>
  );
}
