import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { GainSplit, PeriodFigures, ReturnFigure } from '@shared/api/returns';
import { formatDate, formatMoney, formatPercent, signClass } from '@renderer/ui/format';

/** The day a period is actually measured from: its start, or the day before the first valuation when the history is shorter. */
export function measuredStart(figures: PeriodFigures): string | null {
  const tw = figures.timeWeighted;
  const shortened = tw.kind === 'ok' ? tw.warnings.find((w) => w.code === 'PERIOD_SHORTENED') : undefined;
  const start = shortened?.params.start;
  return typeof start === 'string' ? start : figures.start;
}

/** A return as a signed, coloured percentage; "p.a." beneath when the period is a year or longer; "—" with the reason when unavailable. */
export function ReturnValue({ figure, locale, compact }: { figure: ReturnFigure | undefined; locale: string; compact?: boolean }): ReactElement {
  if (figure === undefined) return <span className="muted">…</span>;
  if (figure.kind === 'unavailable') {
    return (
      <span className="muted return-unavailable" title={figure.reason.message}>
        {compact ? '—' : 'unavailable'}
      </span>
    );
  }
  const warned = figure.warnings.filter((w) => w.code !== 'PERIOD_SHORTENED');
  return (
    <span className={signClass(figure.value)} title={warned.map((w) => w.message).join('\n') || undefined}>
      {formatPercent(figure.value, locale)}
      {warned.length > 0 ? <sup className="return-warning-mark" aria-label="with a note">!</sup> : null}
    </span>
  );
}

export function Annualised({ figure, locale }: { figure: ReturnFigure | undefined; locale: string }): ReactElement | null {
  if (figure?.kind !== 'ok' || figure.annualised === null) return null;
  return <span className={signClass(figure.annualised)}>{formatPercent(figure.annualised, locale)} p.a.</span>;
}

const SPLIT_ROWS: { key: Exclude<keyof Extract<GainSplit, { kind: 'ok' }>, 'kind' | 'total'>; label: string; title: string }[] = [
  { key: 'priceGain', label: 'Price gain', title: 'What the holdings earned in their own currency, at today’s rate' },
  { key: 'dividends', label: 'Dividends', title: 'Gross, before withholding tax' },
  { key: 'interest', label: 'Interest', title: 'Interest paid into cash' },
  { key: 'fees', label: 'Fees', title: 'Trading and account fees' },
  { key: 'taxes', label: 'Taxes', title: 'Withholding and other taxes' },
  { key: 'currencyEffect', label: 'Currency effect', title: 'What exchange rates did to the money held in other currencies, the spread of exchanges included' },
];

/** The absolute gain of the period and where it came from; the parts add up to the total. */
export function GainSplitTable({ gain, currency, locale }: { gain: GainSplit; currency: string; locale: string }): ReactElement {
  if (gain.kind === 'unavailable') return <p className="muted small return-reason">Gain split unavailable: {gain.reason.message}</p>;
  return (
    <table className="gain-split" aria-label="Gain split">
      <tbody>
        {SPLIT_ROWS.map((r) => (
          <tr key={r.key} title={r.title}>
            <th scope="row">{r.label}</th>
            <td className={`num ${signClass(gain[r.key])}`}>{formatMoney(gain[r.key], currency, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Gain in period</th>
          <td className={`num ${signClass(gain.total)}`}>{formatMoney(gain.total, currency, locale)}</td>
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
  const from = start ? formatDate(start, locale) : 'the start';
  const to = end ? formatDate(end, locale) : 'the end';
  return (
    <span className="how-computed" ref={ref}>
      <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        How is this computed?
      </button>
      {open ? (
        <div id={id} className="how-computed-popover" role="dialog" aria-label="How returns are computed">
          <p>
            Both figures run from the close of <strong>{from}</strong> to the close of <strong>{to}</strong>.
          </p>
          <p>
            <strong>Time-weighted (TTWROR)</strong> is how 1 {currency} left in the whole time would have grown. Each day’s value is compared with the
            day before, with money you put in counted from the start of its day and money you took out until its end, and the days are chained.
            Deposits and withdrawals do not move it, so it compares fairly with a benchmark or another portfolio.
          </p>
          <p>
            <strong>Money-weighted (IRR)</strong> is the one yearly rate at which the value on {from}, every deposit and withdrawal, and the
            value on {to} balance out. Days with more of your money in count more, so it shows how your timing worked out. Shown here for the
            period; per year when the period is a year or longer.
          </p>
          <p className="muted">Dividends, interest, fees and taxes are part of the return, not money put in or taken out. A missing price or rate makes a figure unavailable, never 0 %.</p>
        </div>
      ) : null}
    </span>
  );
}
