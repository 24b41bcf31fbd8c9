import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricePreview } from '@shared/api/prices';
import { DATE_FORMATS, type DateFormat } from '@shared/domain/prices';
import type { PriceMapping } from './priceImportStore';

type Role = 'date' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';
const ROLES = [
  { role: 'date', label: 'col.date', required: true },
  { role: 'open', label: 'col.open', required: false },
  { role: 'high', label: 'col.high', required: false },
  { role: 'low', label: 'col.low', required: false },
  { role: 'close', label: 'col.close', required: true },
  { role: 'adjClose', label: 'col.adjClose', required: false },
  { role: 'volume', label: 'col.volume', required: false },
] as const satisfies readonly { role: Role; label: string; required: boolean }[];

/** Lets the user fix what detection was unsure about: which column is which, date order, decimal mark. */
/** What the stored close means, by the adjustment the file's columns show (shared/domain/prices/adjustment.ts). */
const ADJUSTMENT_NOTES = {
  split: 'adjustmentNote.split',
  'split+dividend': 'adjustmentNote.splitDividend',
  unknown: 'adjustmentNote.unknown',
} as const satisfies Record<PricePreview['adjustment']['kind'], string>;

export function MappingEditor({
  preview,
  mapping,
  remember,
  onChange,
  onRemember,
}: {
  preview: PricePreview;
  mapping: PriceMapping;
  remember: boolean;
  onChange(mapping: PriceMapping): void;
  onRemember(remember: boolean): void;
}): ReactElement {
  const { t } = useTranslation('prices');
  const id = useId();
  const columnNames =
    mapping.kind === 'delimited'
      ? Array.from({ length: mapping.fieldCount }, (_, i) => {
          const name = preview.headers[i]?.trim();
          return name ? t('map.namedColumn', { name, n: i + 1 }) : t('map.column', { n: i + 1 });
        })
      : [];
  const hasAdj = mapping.kind === 'delimited' ? mapping.columns.adjClose !== null : mapping.keys.adjClose !== null;

  return (
    <fieldset className="price-mapping">
      <legend>{t('map.legend')}</legend>
      <div className="price-mapping-grid">
        {mapping.kind === 'delimited'
          ? ROLES.map(({ role, label, required }) => {
              const value = mapping.columns[role];
              return (
                <div className="field" key={role}>
                  <label htmlFor={`${id}-${role}`}>{t(label)}</label>
                  <select
                    id={`${id}-${role}`}
                    className="select"
                    value={value === null ? '' : String(value)}
                    onChange={(e) => {
                      const next = e.target.value === '' ? null : Number(e.target.value);
                      if (required && next === null) return;
                      onChange({ ...mapping, columns: { ...mapping.columns, [role]: next } });
                    }}
                  >
                    {required ? null : <option value="">{t('map.notInFile')}</option>}
                    {columnNames.map((name, i) => (
                      <option key={name} value={i}>
                        {name}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })
          : null}
        <div className="field">
          <label htmlFor={`${id}-date-format`}>{t('map.dateFormat')}</label>
          <select
            id={`${id}-date-format`}
            className="select"
            value={mapping.dateFormat}
            aria-invalid={preview.dateFormatAmbiguous ? 'true' : undefined}
            onChange={(e) => onChange({ ...mapping, dateFormat: e.target.value as DateFormat })}
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
                {preview.dateFormatAlternatives.includes(f) && preview.dateFormatAlternatives.length > 1 ? t('map.fitsEveryRow') : ''}
              </option>
            ))}
          </select>
        </div>
        {mapping.kind === 'delimited' ? (
          <div className="field">
            <label htmlFor={`${id}-decimal`}>{t('map.decimal')}</label>
            <select
              id={`${id}-decimal`}
              className="select"
              value={mapping.decimalSeparator}
              onChange={(e) => {
                const decimalSeparator = e.target.value === ',' ? ',' : '.';
                const thousandsSeparator = decimalSeparator === ',' ? (mapping.thousandsSeparator === ',' ? '.' : mapping.thousandsSeparator) : mapping.thousandsSeparator === '.' ? ',' : mapping.thousandsSeparator;
                onChange({ ...mapping, decimalSeparator, thousandsSeparator });
              }}
            >
              <option value=".">{t('map.point')}</option>
              <option value=",">{t('map.comma')}</option>
            </select>
          </div>
        ) : null}
        {hasAdj ? (
          <div className="field">
            <label htmlFor={`${id}-close-from`}>{t('map.storeAsClose')}</label>
            <select
              id={`${id}-close-from`}
              className="select"
              value={mapping.closeFrom}
              onChange={(e) => onChange({ ...mapping, closeFrom: e.target.value === 'adjClose' ? 'adjClose' : 'close' })}
            >
              <option value="close">{t('map.closeSplit')}</option>
              <option value="adjClose">{t('map.adjClose')}</option>
            </select>
          </div>
        ) : null}
      </div>
      <p className="field-hint">
        {t(ADJUSTMENT_NOTES[preview.adjustment.kind], { column: preview.adjustment.closeFrom === 'adjClose' ? t('adjustmentNote.adjCloseColumn') : t('adjustmentNote.closeColumn') })}
      </p>
      <label className="price-check">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        <span>{t('map.remember')}</span>
      </label>
    </fieldset>
  );
}
