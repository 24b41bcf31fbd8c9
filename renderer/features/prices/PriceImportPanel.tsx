import { memo, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useImportInbox, usePendingCount } from '@renderer/stores/importInbox';
import { ChartIcon } from '@renderer/ui/icons';
import { PriceFileCard } from './PriceFileCard';
import { needsSuggestedSecurity, readyToImport, subscribePriceEvents, usePriceImport } from './priceImportStore';
import './prices.css';

/** Import screen panel: pick or drop price history files; one card per file. */
export function PriceImportPanel(): ReactElement {
  const { t } = useTranslation('prices');
  // Only the ids and batch counts here: each card subscribes to its own job, so one file's change re-renders one card.
  const ids = usePriceImport(useShallow((s) => s.jobs.map((j) => j.id)));
  const toCreate = usePriceImport((s) => s.jobs.filter(needsSuggestedSecurity).length);
  const toImport = usePriceImport((s) => s.jobs.filter(readyToImport).length);
  const [batchBusy, setBatchBusy] = useState(false);
  const addFiles = usePriceImport((s) => s.addFiles);
  const batch = (run: () => Promise<void>) => () => {
    setBatchBusy(true);
    void run().finally(() => setBatchBusy(false));
  };
  const pending = usePendingCount('prices');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => subscribePriceEvents(), []);
  useEffect(() => {
    if (pending > 0) addFiles(useImportInbox.getState().take('prices'));
  }, [pending, addFiles]);

  return (
    <section className="card price-import" aria-labelledby="price-import-title">
      <div className="card-header">
        <div>
          <h2 id="price-import-title">{t('panel.title')}</h2>
          <p className="muted price-import-sub">{t('panel.sub')}</p>
        </div>
        <div className="page-actions">
          <input
            ref={input}
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            aria-label={t('panel.choose')}
            className="sr-only"
            data-testid="price-file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length > 0) addFiles(files);
              e.target.value = '';
            }}
          />
          <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>
            {t('panel.chooseButton')}
          </button>
        </div>
      </div>
      {toCreate > 1 || toImport > 1 ? (
        <div className="page-actions price-batch" aria-label={t('panel.batchLabel')}>
          {toCreate > 1 ? (
            <button type="button" className="btn" disabled={batchBusy} onClick={batch(() => usePriceImport.getState().createAllSuggested())}>
              {t('panel.createAll', { count: toCreate })}
            </button>
          ) : null}
          {toImport > 1 ? (
            <button type="button" className="btn btn-primary" disabled={batchBusy} onClick={batch(() => usePriceImport.getState().importAll())}>
              {t('panel.importAll', { count: toImport })}
            </button>
          ) : null}
        </div>
      ) : null}
      {ids.length === 0 ? (
        <div className="price-import-empty">
          <ChartIcon />
          <p>{t('panel.empty')}</p>
        </div>
      ) : (
        <div className="price-jobs">
          {ids.map((id) => (
            <JobCard key={id} id={id} />
          ))}
        </div>
      )}
    </section>
  );
}

/** One file's card, re-rendered only when that file's job changes. */
const JobCard = memo(function JobCard({ id }: { id: string }): ReactElement | null {
  const job = usePriceImport((s) => s.jobs.find((j) => j.id === id));
  return job ? <PriceFileCard job={job} /> : null;
});
