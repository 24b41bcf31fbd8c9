import { useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsEventDetail } from '@shared/api/news';
import { fieldMessages, splitList } from '@renderer/features/securities/securityForm';
import { Banner } from '@renderer/ui/components';
import { useNewsStore } from './newsStore';
import { DateField } from '@renderer/ui/DateField';

const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Hong_Kong', 'Asia/Shanghai', 'Asia/Tokyo', 'UTC'];

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * "Add news event" (a story the user read somewhere, typed in by hand) and, with
 * `initial`, "Edit news event". Links are found again from the text like on import.
 * Enter in a one-line field saves, Esc cancels; the API's messages appear under their fields.
 */
export function NewsEntryForm({ initial, onDone }: { initial?: NewsEventDetail; onDone(id: number | null): void }): ReactElement {
  const { t } = useTranslation(['news', 'common', 'securities']);
  const create = useNewsStore((s) => s.create);
  const update = useNewsStore((s) => s.update);
  const busy = useNewsStore((s) => s.busy);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = [...new Set([...(initial?.timeZone ? [initial.timeZone] : []), localZone(), ...ZONES])];
  const editing = initial !== undefined;
  const prefix = editing ? 'edit' : 'entry';

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '').trim();
    const time = text('time');
    const url = text('url');
    const label = text('label');
    const fields = {
      date: text('date'),
      time: time === '' ? null : time,
      timeZone: time === '' ? null : text('timeZone'),
      headline: text('headline'),
      summary: text('summary'),
      body: text('body'),
      source: text('source'),
      url: url === '' ? null : url,
      label: label === '' ? null : label,
      tags: splitList(text('tags')),
    };
    const result = initial ? await update(initial.id, fields) : await create(fields);
    if (result.ok) {
      onDone(result.detail.id);
      return;
    }
    const byField = fieldMessages(result.details, result.message, editing ? ['patch'] : []);
    setErrors(Object.keys(byField).length === 0 ? { form: result.message } : byField);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onDone(null);
    }
  };

  const err = (field: string): ReactElement | null =>
    errors[field] ? (
      <span className="field-error" id={`${prefix}-err-${field}`} role="alert">
        {errors[field]}
      </span>
    ) : null;
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${prefix}-err-${field}` } : {});
  const title = editing ? t('entry.editTitle') : t('entry.addTitle');

  return (
    <form
      className={`card card-body news-entry${editing ? ' news-entry-edit' : ''}`}
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={onKeyDown}
      onChange={(e) => {
        const target: EventTarget = e.target;
        const name = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ? target.name : '';
        if (name !== '' && (errors[name] || errors.form)) setErrors((all) => ({ ...all, [name]: '', form: '' }));
      }}
      noValidate
      aria-labelledby={`${prefix}-title`}
    >
      <div className="news-entry-head">
        <h2 id={`${prefix}-title`}>{title}</h2>
        <span className="muted kbd-hint">
          <kbd>Enter</kbd> {t('securities:edit.saves')} · <kbd>Esc</kbd> {t('securities:edit.cancels')}
        </span>
      </div>
      <p className="muted">
        {editing ? t('entry.editLead') : t('entry.addLead')}
      </p>
      {errors.form ? (
        <Banner kind="error" title={editing ? t('common:notSaved') : t('entry.notAdded')}>
          {errors.form}
        </Banner>
      ) : null}
      <div className="news-entry-grid">
        <div className="field">
          <label htmlFor={`${prefix}-date`}>{t('entry.date')}</label>
          <DateField id={`${prefix}-date`} name="date" defaultValue={initial?.date} autoFocus={!editing} invalid={Boolean(invalid('date')['aria-invalid'])} describedBy={invalid('date')['aria-describedby']} />
          {err('date')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-time`}>{t('entry.time')}</label>
          <input id={`${prefix}-time`} name="time" type="time" className="input" defaultValue={initial?.time ?? ''} {...invalid('time')} />
          {err('time')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-zone`}>{t('entry.zone')}</label>
          <select id={`${prefix}-zone`} name="timeZone" className="select" defaultValue={initial?.timeZone ?? zones[0]} {...invalid('timeZone')}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {err('timeZone')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-label`}>{t('entry.label')}</label>
          <input id={`${prefix}-label`} name="label" className="input" placeholder={t('entry.labelPlaceholder')} defaultValue={initial?.label ?? ''} {...invalid('label')} />
          {err('label')}
        </div>
        <div className="field news-entry-wide">
          <label htmlFor={`${prefix}-headline`}>{t('entry.headline')}</label>
          <input
            id={`${prefix}-headline`}
            name="headline"
            className="input"
            maxLength={1000}
            defaultValue={initial?.headline}
            autoFocus={editing}
            {...invalid('headline')}
          />
          {err('headline')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-source`}>{t('entry.source')}</label>
          <input id={`${prefix}-source`} name="source" className="input" placeholder={t('entry.sourcePlaceholder')} defaultValue={initial?.source} {...invalid('source')} />
          {err('source')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-tags`}>{t('entry.tags')}</label>
          <input id={`${prefix}-tags`} name="tags" className="input" placeholder={t('entry.tagsPlaceholder')} defaultValue={initial?.tags.join(', ')} {...invalid('tags')} />
          {err('tags') ?? <span className="field-hint">{t('entry.tagsHint')}</span>}
        </div>
        <div className="field news-entry-wide">
          <label htmlFor={`${prefix}-url`}>{t('entry.url')}</label>
          <input id={`${prefix}-url`} name="url" type="url" className="input" placeholder="https://…" defaultValue={initial?.url ?? ''} {...invalid('url')} />
          {err('url')}
        </div>
        <div className="field news-entry-full">
          <label htmlFor={`${prefix}-summary`}>{t('entry.summary')}</label>
          <textarea id={`${prefix}-summary`} name="summary" className="textarea" rows={2} defaultValue={initial?.summary} {...invalid('summary')} />
          {err('summary')}
        </div>
        <div className="field news-entry-full">
          <label htmlFor={`${prefix}-body`}>{t('entry.body')}</label>
          <textarea
            id={`${prefix}-body`}
            name="body"
            className="textarea"
            rows={editing ? 8 : 5}
            defaultValue={initial?.body}
            placeholder={t('entry.bodyPlaceholder')}
            {...invalid('body')}
          />
          {err('body')}
        </div>
      </div>
      <div className="page-actions news-entry-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? (busy ? t('common:saving') : t('entry.saveChanges')) : busy ? t('entry.adding') : t('entry.add')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
