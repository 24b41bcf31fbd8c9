import { useState, type FormEvent, type ReactElement } from 'react';
import { Banner } from '@renderer/ui/components';
import { useNewsStore } from './newsStore';

const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Hong_Kong', 'Asia/Shanghai', 'Asia/Tokyo', 'UTC'];

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Add news event": a story the user read somewhere, typed in by hand. Links are found like on import. */
export function NewsEntryForm({ onDone }: { onDone(id: number | null): void }): ReactElement {
  const create = useNewsStore((s) => s.create);
  const busy = useNewsStore((s) => s.busy);
  const [error, setError] = useState<string | null>(null);
  const zones = [...new Set([localZone(), ...ZONES])];

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '').trim();
    const time = text('time');
    const url = text('url');
    const label = text('label');
    const created = await create({
      date: text('date'),
      time: time === '' ? null : time,
      timeZone: time === '' ? null : text('timeZone'),
      headline: text('headline'),
      body: text('body'),
      source: text('source'),
      url: url === '' ? null : url,
      label: label === '' ? null : label,
    });
    if (created) onDone(created.id);
    else setError(useNewsStore.getState().actionError);
  };

  return (
    <form className="card card-body news-entry" onSubmit={(e) => void onSubmit(e)} aria-labelledby="news-entry-title">
      <h2 id="news-entry-title">Add news event</h2>
      <p className="muted">For a story you read elsewhere. Tickerline links it to the securities it names.</p>
      {error ? (
        <Banner kind="error" title="Not added">
          {error}
        </Banner>
      ) : null}
      <div className="news-entry-grid">
        <div className="field">
          <label htmlFor="entry-date">Date</label>
          <input id="entry-date" name="date" type="date" className="input" required />
        </div>
        <div className="field">
          <label htmlFor="entry-time">Time (optional)</label>
          <input id="entry-time" name="time" type="time" className="input" />
        </div>
        <div className="field">
          <label htmlFor="entry-zone">Time zone</label>
          <select id="entry-zone" name="timeZone" className="select" defaultValue={zones[0]}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="entry-label">Label (optional)</label>
          <input id="entry-label" name="label" className="input" placeholder="e.g. Anzeige, Sponsored" />
        </div>
        <div className="field news-entry-wide">
          <label htmlFor="entry-headline">Headline</label>
          <input id="entry-headline" name="headline" className="input" required maxLength={1000} />
        </div>
        <div className="field">
          <label htmlFor="entry-source">Source</label>
          <input id="entry-source" name="source" className="input" placeholder="e.g. Reuters" />
        </div>
        <div className="field news-entry-wide">
          <label htmlFor="entry-url">Web address (optional)</label>
          <input id="entry-url" name="url" type="url" className="input" placeholder="https://…" />
        </div>
        <div className="field news-entry-full">
          <label htmlFor="entry-body">Text (optional)</label>
          <textarea id="entry-body" name="body" className="textarea" rows={5} placeholder="Paste the article or your notes. Moves like “fell 3 %” become claims." />
        </div>
      </div>
      <div className="page-actions news-entry-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add event'}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
