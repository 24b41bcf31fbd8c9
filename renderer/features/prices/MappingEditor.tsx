import { useId, type ReactElement } from 'react';
import type { PricePreview } from '@shared/api/prices';
import { DATE_FORMATS, type DateFormat } from '@shared/domain/prices';
import type { PriceMapping } from './priceImportStore';

type Role = 'date' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';
const ROLES: { role: Role; label: string; required: boolean }[] = [
  { role: 'date', label: 'Date', required: true },
  { role: 'open', label: 'Open', required: false },
  { role: 'high', label: 'High', required: false },
  { role: 'low', label: 'Low', required: false },
  { role: 'close', label: 'Close', required: true },
  { role: 'adjClose', label: 'Adj Close', required: false },
  { role: 'volume', label: 'Volume', required: false },
];

/** Lets the user fix what detection was unsure about: which column is which, date order, decimal mark. */
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
  const id = useId();
  const columnNames =
    mapping.kind === 'delimited'
      ? Array.from({ length: mapping.fieldCount }, (_, i) => {
          const name = preview.headers[i]?.trim();
          return name ? `${name} (column ${i + 1})` : `Column ${i + 1}`;
        })
      : [];
  const hasAdj = mapping.kind === 'delimited' ? mapping.columns.adjClose !== null : mapping.keys.adjClose !== null;

  return (
    <fieldset className="price-mapping">
      <legend>How to read this file</legend>
      <div className="price-mapping-grid">
        {mapping.kind === 'delimited'
          ? ROLES.map(({ role, label, required }) => {
              const value = mapping.columns[role];
              return (
                <div className="field" key={role}>
                  <label htmlFor={`${id}-${role}`}>{label}</label>
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
                    {required ? null : <option value="">— not in file —</option>}
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
          <label htmlFor={`${id}-date-format`}>Date format</label>
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
                {preview.dateFormatAlternatives.includes(f) && preview.dateFormatAlternatives.length > 1 ? ' (fits every row)' : ''}
              </option>
            ))}
          </select>
        </div>
        {mapping.kind === 'delimited' ? (
          <div className="field">
            <label htmlFor={`${id}-decimal`}>Decimal mark</label>
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
              <option value=".">Point — 1,234.56</option>
              <option value=",">Comma — 1.234,56</option>
            </select>
          </div>
        ) : null}
        {hasAdj ? (
          <div className="field">
            <label htmlFor={`${id}-close-from`}>Store as close</label>
            <select
              id={`${id}-close-from`}
              className="select"
              value={mapping.closeFrom}
              onChange={(e) => onChange({ ...mapping, closeFrom: e.target.value === 'adjClose' ? 'adjClose' : 'close' })}
            >
              <option value="close">Close (split-adjusted)</option>
              <option value="adjClose">Adj Close (also dividends)</option>
            </select>
          </div>
        ) : null}
      </div>
      <p className="field-hint">{preview.adjustment.description}</p>
      <label className="price-check">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        <span>Remember this for files like this one</span>
      </label>
    </fieldset>
  );
}
