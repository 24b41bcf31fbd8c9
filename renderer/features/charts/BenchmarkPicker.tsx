import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSecurity } from '@shared/api/charts';
import { api, errorMessage } from '@renderer/api/client';

/**
 * Which benchmark a security's abnormal returns are measured against, changeable in
 * place. "Default for HKEX" says the app picked it; choosing one stores it on the
 * security (securities.setBenchmark), which refreshes every chart through data.changed.
 */
export function BenchmarkPicker({ security, securities, id }: { security: ChartSecurity; securities: readonly ChartSecurity[]; id: string }): ReactElement {
  const { t } = useTranslation('charts');
  const [error, setError] = useState<string | null>(null);
  const choices = securities.filter((s) => s.id !== security.id && (s.kind === 'index' || s.kind === 'etf' || s.id === security.benchmark?.id));
  const current = security.benchmark;
  const change = (value: string): void => {
    setError(null);
    api.call('securities.setBenchmark', { id: security.id, benchmarkId: value === '' ? null : Number(value) }).catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <span className="benchmark-picker">
      <label htmlFor={id}>{t('benchmark.label')}</label>
      <select id={id} className="select select-small" value={security.benchmarkId ?? ''} onChange={(e) => change(e.target.value)}>
        <option value="">{current?.origin === 'default'
            ? t('benchmark.defaultIs', { symbol: current.symbol, exchange: security.exchange })
            : current
              ? t('benchmark.defaultFor', { exchange: security.exchange })
              : t('benchmark.none')}</option>
        {choices.map((s) => (
          <option key={s.id} value={s.id}>
            {s.symbol} — {s.name}
          </option>
        ))}
      </select>
      {error ? <span className="error-text small">{error}</span> : null}
    </span>
  );
}
