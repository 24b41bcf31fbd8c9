import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '@renderer/navigation/navigation';
import { Banner, EmptyState, Loading, PageHeader } from '@renderer/ui/components';
import { NewsIcon, PlusIcon } from '@renderer/ui/icons';
import { NewsDetailPane } from './NewsDetailPane';
import { NewsEntryForm } from './NewsEntryForm';
import { NewsFilterBar } from './NewsFilterBar';
import { NewsListPane } from './NewsListPane';
import { pastedFile, useNewsImportStore } from './newsImportStore';
import { subscribeNewsChanges, useHasFilters, useNewsStore } from './newsStore';
import './news.css';

export function NewsScreen(): ReactElement {
  const { t } = useTranslation(['news', 'common']);
  const go = useNavigation((s) => s.go);
  const eventParam = useNavigation((s) => s.params.event);
  const list = useNewsStore((s) => s.list);
  const listStatus = useNewsStore((s) => s.listStatus);
  const listError = useNewsStore((s) => s.listError);
  const selectedId = useNewsStore((s) => s.selectedId);
  const hasFilters = useHasFilters();
  const [adding, setAdding] = useState(false);
  const [pasteHint, setPasteHint] = useState<string | null>(null);

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

  // Ctrl+V with an article (text or HTML) or a link on the clipboard opens the import preview for it.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const html = event.clipboardData?.getData('text/html') ?? '';
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (html.trim() === '' && text.trim() === '') return;
      event.preventDefault();
      useNewsImportStore.getState().addFiles([pastedFile(html, text)], 'paste');
      go('import');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [go]);

  const pasteArticle = async (): Promise<void> => {
    let html = '';
    let text = '';
    try {
      for (const item of await navigator.clipboard.read()) {
        if (item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
        if (item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
      }
    } catch {
      text = await navigator.clipboard.readText().catch(() => '');
    }
    if (html.trim() === '' && text.trim() === '') {
      setPasteHint(t('clipboardEmpty'));
      return;
    }
    setPasteHint(null);
    useNewsImportStore.getState().addFiles([pastedFile(html, text)], 'paste');
    go('import');
  };

  const open = (id: number): void => {
    go('news', { event: String(id) });
    void useNewsStore.getState().select(id);
  };

  const nothingStored = listStatus === 'ready' && list !== null && list.total === 0 && !hasFilters;

  return (
    <div className="page news-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
              <PlusIcon size={16} /> {t('addEvent')}
            </button>
            <button type="button" className="btn" onClick={() => void pasteArticle()} title={t('pasteTitle')}>
              {t('paste')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => go('import')}>
              {t('import')}
            </button>
          </>
        }
      />
      {pasteHint ? (
        <Banner kind="info" title={t('nothingToPaste')}>
          {pasteHint}
        </Banner>
      ) : null}
      {adding ? (
        <NewsEntryForm
          onDone={(id) => {
            setAdding(false);
            if (id !== null) open(id);
          }}
        />
      ) : null}
      {listStatus === 'error' ? (
        <Banner kind="error" title={t('loadFailed')} action={<button className="btn btn-small" onClick={() => void useNewsStore.getState().loadList()}>{t('common:tryAgain')}</button>}>
          {listError}
        </Banner>
      ) : null}
      {listStatus === 'loading' || listStatus === 'idle' ? <Loading label={t('loading')} /> : null}
      {nothingStored && !adding ? (
        <EmptyState
          icon={<NewsIcon size={26} />}
          title={t('empty.title')}
          actions={
            <>
              <button className="btn btn-primary" onClick={() => go('import')}>
                {t('import')}
              </button>
              <button className="btn" onClick={() => setAdding(true)}>
                {t('empty.addByHand')}
              </button>
            </>
          }
        >
          {t('empty.text')}
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
