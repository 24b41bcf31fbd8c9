import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '@renderer/api/client';

/**
 * One click to a generated sample portfolio (securities, prices, trades, news),
 * clearly marked as sample data and removable. Other screens may place it in
 * their empty states.
 */
export function LoadDemoButton({ primary = false }: { primary?: boolean }): ReactElement {
  const { t } = useTranslation('charts');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="demo-button">
      <button
        type="button"
        className={primary ? 'btn btn-primary' : 'btn'}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api.call('demo.load', {}).then(
            () => setBusy(false),
            (e: unknown) => {
              setBusy(false);
              setError(errorMessage(e));
            },
          );
        }}
      >
        {busy ? t('demo.loading') : t('demo.load')}
      </button>
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </span>
  );
}

/** "Sample data" badge with the button that deletes exactly the sample. */
export function RemoveDemoButton(): ReactElement {
  const { t } = useTranslation('charts');
  const [busy, setBusy] = useState(false);
  return (
    <span className="demo-remove">
      <span className="badge badge-warning" data-testid="sample-badge">{t('demo.badge')}</span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          api.call('demo.remove', {}).finally(() => setBusy(false));
        }}
      >
        {busy ? t('demo.removing') : t('demo.remove')}
      </button>
    </span>
  );
}
