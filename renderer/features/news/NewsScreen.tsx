import { useEffect, useState, type ReactElement } from 'react';
import { useNavigation } from '@renderer/app/navigation';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { NewsIcon, PlusIcon } from '@renderer/ui/icons';
import { NewsDetailPane } from './NewsDetailPane';
import { NewsEntryForm } from './NewsEntryForm';
import { NewsFilterBar } from './NewsFilterBar';
import { NewsListPane } from './NewsListPane';
import { subscribeNewsChanges, useHasFilters, useNewsStore } from './newsStore';
import './news.css';

export function NewsScreen(): ReactElement {
  const go = useNavigation((s) => s.go);
  const eventParam = useNavigation((s) => s.params.event);
  const list = useNewsStore((s) => s.list);
  const listStatus = useNewsStore((s) => s.listStatus);
  const listError = useNewsStore((s) => s.listError);
  const selectedId = useNewsStore((s) => s.selectedId);
  const hasFilters = useHasFilters();
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const { loadList, loadSecurities } = useNewsStore.getState();
    void loadList();
    void loadSecurities();
    return subscribeNewsChanges();
  }, []);

  // The selected event lives in the address (#/news?event=12) so back/forward and reloads keep it.
  useEffect(() => {
    const id = eventParam ? Number(eventParam) : null;
    if (id !== null && Number.isInteger(id) && id !== useNewsStore.getState().selectedId) void useNewsStore.getState().select(id);
  }, [eventParam]);

  // Without a selection, open the newest event so the detail pane is never blank.
  useEffect(() => {
    const first = list?.items[0];
    if (selectedId === null && !eventParam && first) void useNewsStore.getState().select(first.id);
  }, [list, selectedId, eventParam]);

  const open = (id: number): void => {
    go('news', { event: String(id) });
    void useNewsStore.getState().select(id);
  };

  const nothingStored = listStatus === 'ready' && list !== null && list.total === 0 && !hasFilters;

  return (
    <div className="page news-page">
      <PageHeader
        title="News"
        subtitle="Articles and headlines, linked to the securities they mention."
        actions={
          <>
            <button type="button" className="btn" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
              <PlusIcon size={16} /> Add news event
            </button>
            <button type="button" className="btn btn-primary" onClick={() => go('import')}>
              Import news
            </button>
          </>
        }
      />
      {adding ? (
        <NewsEntryForm
          onDone={(id) => {
            setAdding(false);
            if (id !== null) open(id);
          }}
        />
      ) : null}
      {listStatus === 'error' ? (
        <Banner kind="error" title="News could not be loaded" action={<button className="btn btn-small" onClick={() => void useNewsStore.getState().loadList()}>Try again</button>}>
          {listError}
        </Banner>
      ) : null}
      {listStatus === 'loading' || listStatus === 'idle' ? <Loading label="Loading news…" /> : null}
      {nothingStored && !adding ? (
        <EmptyState
          icon={<NewsIcon size={26} />}
          title="No news events yet"
          actions={
            <>
              <button className="btn btn-primary" onClick={() => go('import')}>
                Import news
              </button>
              <button className="btn" onClick={() => setAdding(true)}>
                Add one by hand
              </button>
            </>
          }
        >
          Import saved articles, news lists or RSS feeds. Tickerline finds the companies they mention and marks them on your charts.
        </EmptyState>
      ) : null}
      {list !== null && !nothingStored ? (
        <>
          <NewsFilterBar />
          <div className="news-layout">
            <NewsListPane onOpen={open} />
            <NewsDetailPane />
          </div>
        </>
      ) : null}
    </div>
  );
}
