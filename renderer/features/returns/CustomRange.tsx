import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@renderer/ui/DateField';
import { formatDate } from '@renderer/ui/format';
import type { CustomDays } from './returnsStore';

/**
 * The two days of a custom returns period. A day is taken as soon as both make a valid range
 * inside the history (first valuation to the last); otherwise the fields say why and nothing is
 * recomputed.
 */
export function CustomRange({
  value,
  first,
  last,
  locale,
  onChange,
}: {
  value: CustomDays;
  first: string | null;
  last: string | null;
  locale: string;
  onChange(range: CustomDays): void;
}): ReactElement {
  const { t } = useTranslation('holdings');
  const [draft, setDraft] = useState(value);
  const problem = !draft.from || !draft.to
    ? null
    : draft.from > draft.to
      ? t('returnsRange.invalid')
      : (first !== null && draft.to < first) || (last !== null && draft.from > last)
        ? t('returnsRange.outside', { first: first === null ? '' : formatDate(first, locale), last: last === null ? '' : formatDate(last, locale) })
        : null;
  const edit = (next: CustomDays): void => {
    setDraft(next);
    const valid = next.from !== '' && next.to !== '' && next.from <= next.to && !(first !== null && next.to < first) && !(last !== null && next.from > last);
    if (valid) onChange(next);
  };
  return (
    <div className="returns-custom" role="group" aria-label={t('returnsRange.customHint')}>
      <label className="small" htmlFor="returns-from">
        {t('returnsRange.from')}
      </label>
      <DateField id="returns-from" value={draft.from} min={first ?? undefined} max={last ?? undefined} onChange={(from) => edit({ ...draft, from })} invalid={problem !== null} />
      <label className="small" htmlFor="returns-to">
        {t('returnsRange.to')}
      </label>
      <DateField id="returns-to" value={draft.to} min={first ?? undefined} max={last ?? undefined} onChange={(to) => edit({ ...draft, to })} invalid={problem !== null} />
      {problem ? (
        <span className="small field-error" role="alert">
          {problem}
        </span>
      ) : (
        <span className="small muted">{t('returnsRange.bothIncluded')}</span>
      )}
    </div>
  );
}
