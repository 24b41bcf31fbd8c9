import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsListItem } from '@shared/api/news';
import { useLocale } from '@renderer/stores/settingsStore';
import { formatNumber } from '@renderer/ui/format';
import { useVirtualRows } from '@renderer/ui/virtual';
import { eventWhen, isSponsored, sourceName } from './newsFormat';
import { PAGE_SIZE, useHasFilters, useNewsStore } from './newsStore';

/**
 * Every row's height: a meta line, two headline lines and a line of chips (news.css keeps each
 * to its line). Rows are not measured: with heights known exactly, the list knows where every
 * event is, so a jump to the end lands on the last one (measured rows of 90–131 px against an
 * estimate of 84 moved the end away as they came into view).
 */
const ROW_PX = 112;

/**
 * The events, newest first; arrow keys move through them. Every event of the
 * filter is reachable by scrolling: only the rows on screen are in the page, and
 * the pages of events they show are fetched as they come into view.
 */
export function NewsListPane({ onOpen }: { onOpen(id: number): void }): ReactElement {
  const { t } = useTranslation('news');
  const locale = useLocale();
  const list = useNewsStore((s) => s.list);
  const pages = useNewsStore((s) => s.pages);
  const showRows = useNewsStore((s) => s.showRows);
  const selectedId = useNewsStore((s) => s.selectedId);
  const clearFilters = useNewsStore((s) => s.clearFilters);
  const filters = useNewsStore((s) => s.filters);
  const hasFilters = useHasFilters();
  const scroller = useRef<HTMLDivElement>(null);
  const total = list?.total ?? 0;
  const itemAt = (index: number): NewsListItem | undefined => pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];

  const virtualizer = useVirtualRows({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 6,
    getItemKey: (index) => itemAt(index)?.id ?? `row-${index}`,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  // Fetch the pages the rows on screen belong to (only where the scroll stops, not every page passed).
  useEffect(() => {
    if (total > 0) showRows(firstRow, lastRow);
  }, [firstRow, lastRow, total, pages, showRows]);

  // A new filter starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filters]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const at = focused ? Number(focused.dataset['index']) : -1;
    const nextIndex = Math.min(total - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    const next = itemAt(nextIndex);
    virtualizer.scrollToIndex(nextIndex, { align: 'auto' });
    if (!next) return;
    onOpen(next.id);
    // The row may only now be rendered: focus it after the virtualizer has drawn it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-event-id="${next.id}"]`)?.focus());
  };

  return (
    <section className="card news-list" aria-label={t('list.label')}>
      <div className="news-list-head">
        <span className="muted">
          {list ? t('list.count', { count: list.total, formatted: formatNumber(list.total, locale) }) : ''}
          {hasFilters ? t('list.matching') : ''}
        </span>
      </div>
      {total === 0 ? (
        <div className="news-list-empty">
          <p>{t('list.noMatch')}</p>
          <button type="button" className="btn btn-small" onClick={clearFilters}>
            {t('clearFilters')}
          </button>
        </div>
      ) : (
        <div className="news-items" ref={scroller} onKeyDown={onKeyDown}>
          <ul style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const item = itemAt(row.index);
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  aria-setsize={total}
                  aria-posinset={row.index + 1}
                  data-last-event={row.index === total - 1 && item ? 'true' : undefined}
                  style={{ height: ROW_PX, transform: `translateY(${row.start}px)` }}
                >
                  {item ? (
                    <button
                      type="button"
                      className="news-item"
                      data-event-id={item.id}
                      aria-current={item.id === selectedId ? 'true' : undefined}
                      onClick={() => onOpen(item.id)}
                    >
                      <span className="news-item-meta">
                        <time dateTime={item.date}>{eventWhen(item, locale)}</time>
                        <span className="news-item-source">{sourceName(item.source)}</span>
                        {item.label ? (
                          <span className="badge badge-warning" title={t('list.paid')}>
                            {item.label}
                            {isSponsored(item) ? t('sponsoredSuffix') : ''}
                          </span>
                        ) : null}
                      </span>
                      <span className="news-item-headline" title={item.headline}>
                        {item.headline}
                      </span>
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
                  ) : (
                    <div className="news-item news-item-placeholder" aria-busy="true">
                      <span className="news-item-meta">{t('list.loading')}</span>
                      <span className="news-item-headline">&nbsp;</span>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
