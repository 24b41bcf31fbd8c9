import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@renderer/features/settings/settingsStore';
import { formatNumber } from '@renderer/ui/format';
import { eventWhen, isSponsored } from './newsFormat';
import { useHasFilters, useNewsStore } from './newsStore';

/** The events, newest first; arrow keys move through them. */
export function NewsListPane({ onOpen }: { onOpen(id: number): void }): ReactElement {
  const { t } = useTranslation('news');
  const locale = useLocale();
  const list = useNewsStore((s) => s.list);
  const selectedId = useNewsStore((s) => s.selectedId);
  const showMore = useNewsStore((s) => s.showMore);
  const clearFilters = useNewsStore((s) => s.clearFilters);
  const hasFilters = useHasFilters();
  const ref = useRef<HTMLUListElement>(null);
  const items = list?.items ?? [];

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = items.findIndex((i) => i.id === selectedId);
    const next = items[Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    onOpen(next.id);
    ref.current?.querySelector<HTMLButtonElement>(`[data-event-id="${next.id}"]`)?.focus();
  };

  return (
    <section className="card news-list" aria-label={t('list.label')}>
      <div className="news-list-head">
        <span className="muted">
          {list ? t('list.count', { count: list.total, formatted: formatNumber(list.total, locale) }) : ''}
          {hasFilters ? t('list.matching') : ''}
        </span>
      </div>
      {items.length === 0 ? (
        <div className="news-list-empty">
          <p>{t('list.noMatch')}</p>
          <button type="button" className="btn btn-small" onClick={clearFilters}>
            {t('clearFilters')}
          </button>
        </div>
      ) : (
        <ul className="news-items" ref={ref} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="news-item"
                data-event-id={item.id}
                aria-current={item.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(item.id)}
              >
                <span className="news-item-meta">
                  <time dateTime={item.date}>{eventWhen(item, locale)}</time>
                  <span className="news-item-source">{item.source}</span>
                  {item.label ? (
                    <span className="badge badge-warning" title={t('list.paid')}>
                      {item.label}
                      {isSponsored(item) ? t('sponsoredSuffix') : ''}
                    </span>
                  ) : null}
                </span>
                <span className="news-item-headline">{item.headline}</span>
                {item.links.length > 0 ? (
                  <span className="news-chips">
                    {item.links.map((l) => (
                      <span key={l.securityId} className="news-chip" title={l.name}>
                        {l.symbol}
                      </span>
                    ))}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list && list.items.length < list.total ? (
        <div className="news-list-more">
          <button type="button" className="btn btn-small" onClick={showMore}>
            {t('list.showMore', { left: formatNumber(list.total - list.items.length, locale) })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
