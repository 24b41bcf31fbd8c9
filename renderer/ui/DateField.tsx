import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@renderer/stores/settingsStore';
import { datePattern, formatInputDate, parseInputDate } from './dateInput';

/**
 * A date typed in the number-and-date format chosen in Settings ("05/01/2026" for English
 * (UK)), with the browser's calendar behind a button. The value is always ISO; a form reads
 * it from the hidden input named `name`.
 */
export function DateField({
  id,
  name,
  value,
  defaultValue,
  onChange,
  min,
  max,
  autoFocus,
  invalid,
  describedBy,
}: {
  id: string;
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?(iso: string): void;
  min?: string;
  max?: string;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
}): ReactElement {
  const { t } = useTranslation();
  const locale = useLocale();
  const [own, setOwn] = useState(defaultValue ?? '');
  const iso = value ?? own;
  const [text, setText] = useState(formatInputDate(iso, locale));
  const [unreadable, setUnreadable] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  // a new value from outside (a cleared filter, another locale) replaces what is shown
  const [shown, setShown] = useState({ iso, locale });
  if (shown.iso !== iso || shown.locale !== locale) {
    setShown({ iso, locale });
    setText(formatInputDate(iso, locale));
    setUnreadable(false);
  }

  const commit = (next: string): void => {
    if (value === undefined) setOwn(next);
    onChange?.(next);
  };
  const read = (): void => {
    if (text.trim() === '') {
      setUnreadable(false);
      if (iso !== '') commit('');
      return;
    }
    const parsed = parseInputDate(text, locale);
    setUnreadable(parsed === null);
    if (parsed !== null && parsed !== iso) commit(parsed);
    else if (parsed !== null) setText(formatInputDate(parsed, locale));
  };
  return (
    <span className="date-field">
      <input
        id={id}
        className="input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={datePattern(locale).placeholder}
        value={text}
        autoFocus={autoFocus}
        aria-invalid={invalid || unreadable ? true : undefined}
        aria-describedby={describedBy}
        title={unreadable ? `Not a date: type it as ${datePattern(locale).placeholder}` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={read}
        onKeyDown={(e) => {
          if (e.key === 'Enter') read();
        }}
      />
      <button type="button" className="date-field-button" aria-label={t('openCalendar')} onClick={() => picker.current?.showPicker()}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="2" y="3" width="12" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <input ref={picker} className="date-field-native" type="date" tabIndex={-1} aria-hidden="true" value={iso} min={min} max={max} onChange={(e) => commit(e.target.value)} />
      {name ? <input type="hidden" name={name} value={iso} /> : null}
    </span>
  );
}
