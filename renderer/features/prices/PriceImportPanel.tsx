import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportInbox, usePendingCount } from '@renderer/features/import/inbox';
import { ChartIcon } from '@renderer/ui/icons';
import { PriceFileCard } from './PriceFileCard';
import { subscribePriceEvents, usePriceImport } from './priceImportStore';
import './prices.css';

/** Import screen panel: pick or drop price history files; one card per file. */
export function PriceImportPanel(): ReactElement {
  const { t } = useTranslation('prices');
  const jobs = usePriceImport((s) => s.jobs);
  const addFiles = usePriceImport((s) => s.addFiles);
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
            className="visually-hidden"
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
      {jobs.length === 0 ? (
        <div className="price-import-empty">
          <ChartIcon />
          <p>{t('panel.empty')}</p>
        </div>
      ) : (
        <div className="price-jobs">
          {jobs.map((job) => (
            <PriceFileCard key={job.id} job={job} />
          ))}
        </div>
      )}
    </section>
  );
}
