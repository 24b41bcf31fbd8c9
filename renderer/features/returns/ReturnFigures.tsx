import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { GainSplit, PeriodFigures, ReturnFigure } from '@shared/api/returns';
import { formatDate, formatMoney, formatPercent, signClass } from '@renderer/ui/format';
import { reasonText } from './reasonText';

/** The day a period is actually measured from: its start, or the day before the first valuation when the history is shorter. */
export function measuredStart(figures: PeriodFigures): string | null {
  const tw = figures.timeWeighted;
  const shortened = tw.kind === 'ok' ? tw.warnings.find((w) => w.code === 'PERIOD_SHORTENED') : undefined;
  const start = shortened?.params.start;
  return typeof start === 'string' ? start : figures.start;
}

/** A return as a signed, coloured percentage; "p.a." beneath when the period is a year or longer; "—" with the reason when unavailable. */
export function ReturnValue({ figure, locale, compact }: { figure: ReturnFigure | undefined; locale: string; compact?: boolean }): ReactElement {
  const { t } = useTranslation('returns');
  if (figure === undefined) return <span className="muted">…</span>;
  if (figure.kind === 'unavailable') {
    return (
      <span className="muted return-unavailable" title={reasonText(figure.reason, locale)}>
        {compact ? '—' : t('unavailable')}
      </span>
    );
  }
  const warned = figure.warnings.filter((w) => w.code !== 'PERIOD_SHORTENED');
  return (
    <span className={signClass(figure.value, 4)} title={warned.map((w) => reasonText(w, locale)).join('\n') || undefined}>
      {formatPercent(figure.value, locale)}
      {warned.length > 0 ? <sup className="return-warning-mark" aria-label={t('withNote')}>!</sup> : null}
    </span>
  );
}

export function Annualised({ figure, locale }: { figure: ReturnFigure | undefined; locale: string }): ReactElement | null {
  const { t } = useTranslation('returns');
  if (figure?.kind !== 'ok' || figure.annualised === null) return null;
  return <span className={signClass(figure.annualised, 4)}>{t('perYear', { value: formatPercent(figure.annualised, locale) })}</span>;
}

const SPLIT_ROWS = [
  { key: 'priceGain', label: 'split.priceGain', title: 'split.priceGainTitle' },
  { key: 'dividends', label: 'split.dividends', title: 'split.dividendsTitle' },
  { key: 'interest', label: 'split.interest', title: 'split.interestTitle' },
  { key: 'fees', label: 'split.fees', title: 'split.feesTitle' },
  { key: 'taxes', label: 'split.taxes', title: 'split.taxesTitle' },
  { key: 'currencyEffect', label: 'split.currencyEffect', title: 'split.currencyEffectTitle' },
] as const satisfies readonly { key: Exclude<keyof Extract<GainSplit, { kind: 'ok' }>, 'kind' | 'total'>; label: string; title: string }[];

/** The absolute gain of the period and where it came from; the parts add up to the total. */
export function GainSplitTable({ gain, currency, locale }: { gain: GainSplit; currency: string; locale: string }): ReactElement {
  const { t } = useTranslation('returns');
  if (gain.kind === 'unavailable') return <p className="muted small return-reason">{t('split.unavailable', { reason: reasonText(gain.reason, locale) })}</p>;
  return (
    <table className="gain-split" aria-label={t('split.label')}>
      <tbody>
        {SPLIT_ROWS.map((r) => (
          <tr key={r.key} title={t(r.title)}>
            <th scope="row">{t(r.label)}</th>
            <td className={`num ${signClass(gain[r.key], 2)}`}>{formatMoney(gain[r.key], currency, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('split.total')}</th>
          <td className={`num ${signClass(gain.total, 2)}`}>{formatMoney(gain.total, currency, locale)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * "How is this computed?": TTWROR and IRR in plain words, with the period's own dates, so
 * the user can tell why the two differ. Closes on Escape or a click elsewhere.
 */
export function HowComputed({ start, end, currency, locale }: { start: string | null; end: string | null; currency: string; locale: string }): ReactElement {
  const { t } = useTranslation('returns');
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  const from = start ? formatDate(start, locale) : t('how.start');
  const to = end ? formatDate(end, locale) : t('how.end');
  return (
    <span className="how-computed" ref={ref}>
      <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('how.button')}
      </button>
      {open ? (
        <div id={id} className="how-computed-popover" role="dialog" aria-label={t('how.label')}>
          <p>
            <Trans t={t} i18nKey="how.span" values={{ from, to }} components={{ b: <strong /> }} />
          </p>
          <p>
            <Trans t={t} i18nKey="how.ttwror" values={{ currency }} components={{ b: <strong /> }} />
          </p>
          <p>
            <Trans t={t} i18nKey="how.irr" values={{ from, to }} components={{ b: <strong /> }} />
          </p>
          <p className="muted">{t('how.note')}</p>
        </div>
      ) : null}
    </span>
  );
}
