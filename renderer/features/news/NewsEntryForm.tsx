import { useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
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
  const title = editing ? 'Edit news event' : 'Add news event';

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
          <kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
      </div>
      <p className="muted">
        {editing
          ? 'Links are found again from the new text; links you removed or added by hand stay as they are.'
          : 'For a story you read elsewhere. Tickerline links it to the securities it names.'}
      </p>
      {errors.form ? (
        <Banner kind="error" title={editing ? 'Not saved' : 'Not added'}>
          {errors.form}
        </Banner>
      ) : null}
      <div className="news-entry-grid">
        <div className="field">
          <label htmlFor={`${prefix}-date`}>Date</label>
          <DateField id={`${prefix}-date`} name="date" defaultValue={initial?.date} autoFocus={!editing} invalid={Boolean(invalid('date')['aria-invalid'])} describedBy={invalid('date')['aria-describedby']} />
          {err('date')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-time`}>Time (optional)</label>
          <input id={`${prefix}-time`} name="time" type="time" className="input" defaultValue={initial?.time ?? ''} {...invalid('time')} />
          {err('time')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-zone`}>Time zone</label>
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
          <label htmlFor={`${prefix}-label`}>Label (optional)</label>
          <input id={`${prefix}-label`} name="label" className="input" placeholder="e.g. Anzeige, Sponsored" defaultValue={initial?.label ?? ''} {...invalid('label')} />
          {err('label')}
        </div>
        <div className="field news-entry-wide">
          <label htmlFor={`${prefix}-headline`}>Headline</label>
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
          <label htmlFor={`${prefix}-source`}>Source</label>
          <input id={`${prefix}-source`} name="source" className="input" placeholder="e.g. Reuters" defaultValue={initial?.source} {...invalid('source')} />
          {err('source')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-tags`}>Tags (optional)</label>
          <input id={`${prefix}-tags`} name="tags" className="input" placeholder="e.g. earnings, china" defaultValue={initial?.tags.join(', ')} {...invalid('tags')} />
          {err('tags') ?? <span className="field-hint">Separate with commas</span>}
        </div>
        <div className="field news-entry-wide">
          <label htmlFor={`${prefix}-url`}>Web address (optional)</label>
          <input id={`${prefix}-url`} name="url" type="url" className="input" placeholder="https://…" defaultValue={initial?.url ?? ''} {...invalid('url')} />
          {err('url')}
        </div>
        <div className="field news-entry-full">
          <label htmlFor={`${prefix}-summary`}>Summary (optional)</label>
          <textarea id={`${prefix}-summary`} name="summary" className="textarea" rows={2} defaultValue={initial?.summary} {...invalid('summary')} />
          {err('summary')}
        </div>
        <div className="field news-entry-full">
          <label htmlFor={`${prefix}-body`}>Text (optional)</label>
          <textarea
            id={`${prefix}-body`}
            name="body"
            className="textarea"
            rows={editing ? 8 : 5}
            defaultValue={initial?.body}
            placeholder="Paste the article or your notes. Moves like “fell 3 %” become claims."
            {...invalid('body')}
          />
          {err('body')}
        </div>
      </div>
      <div className="page-actions news-entry-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? (busy ? 'Saving…' : 'Save changes') : busy ? 'Adding…' : 'Add event'}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
