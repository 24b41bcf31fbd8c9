import type { DatabaseSync } from 'node:sqlite';
import type { ParsedInput } from '@shared/api/contract';
import { localizedError } from '@shared/domain/common/errors';
import { newsDedupeKey } from '@shared/domain/news';
import { detectLanguage } from '@shared/domain/news/language';
import { tagsForLabel } from '@shared/domain/news/labels';
import { inTransaction } from '../db/database';
import { importingFile, resolveFile } from '../files/resolve';
import type { FeatureMethods, Handlers } from '../handler';
import { getSecurity, linkCandidates } from '../securities/store';
import { importNewsInWorker, previewNewsInWorker } from './import-thread';
import {
  allEventIds,
  autoLinker,
  autoLinks,
  deleteEvent,
  findEventByKey,
  insertEvent,
  readDetail,
  listEvents,
  readEventRow,
  recordOf,
  rewriteClaims,
  securityLabels,
  setUserLink,
  updateEventRow,
  writeAutoLinks,
  type EventRecord,
} from './store';

type Editable = ParsedInput<'news.create'>;

function recordFromForm(input: Editable, keep?: EventRecord): EventRecord {
  const headline = input.headline.trim();
  const summary = input.summary?.trim() ?? keep?.summary ?? '';
  const body = input.body?.trim() ?? keep?.body ?? '';
  const label = input.label === undefined ? (keep?.label ?? null) : input.label === '' ? null : input.label;
  const tags = [...new Set([...(input.tags ?? keep?.tags ?? []), ...tagsForLabel(label)])];
  const language = input.language === undefined ? null : input.language;
  return {
    date: input.date,
    time: input.time === undefined ? (keep?.time ?? null) : input.time,
    timeZone: input.timeZone === undefined ? (keep?.timeZone ?? null) : input.timeZone,
    headline,
    summary,
    body,
    source: input.source?.trim() || keep?.source || 'Entered by hand',
    url: input.url === undefined ? (keep?.url ?? null) : input.url === '' ? null : input.url,
    language: language ?? keep?.language ?? detectLanguage(`${headline}\n${summary}\n${body}`),
    label,
    tags,
    tickers: keep?.tickers ?? [],
  };
}

function assertUnique(db: DatabaseSync, key: string, self: number | null): void {
  const existing = findEventByKey(db, key);
  if (existing !== null && existing !== self) {
    throw localizedError('CONFLICT', 'errors:news.alreadyStored', undefined, { id: existing });
  }
}

/** Recomputes automatic links and claims of events, keeping every link the user set. */
function relink(db: DatabaseSync, ids: number[] | undefined): { events: number; linksAdded: number; linksRemoved: number } {
  const link = autoLinker(linkCandidates(db));
  const list = ids ?? allEventIds(db);
  let linksAdded = 0;
  let linksRemoved = 0;
  inTransaction(db, () => {
    for (const id of list) {
      const record = recordOf(readEventRow(db, id));
      const changed = writeAutoLinks(db, id, link(record));
      linksAdded += changed.added;
      linksRemoved += changed.removed;
      rewriteClaims(db, id, record);
    }
  });
  return { events: list.length, linksAdded, linksRemoved };
}

export const newsHandlers = {
  'news.previewImport': async (input, ctx) => previewNewsInWorker(input, await resolveFile(input, ctx), ctx),
  'news.import': (input, ctx) => importingFile(input, ctx, (file) => importNewsInWorker(input, file, ctx)),
  'news.create': (input, { db }) => {
    const record = recordFromForm(input);
    const key = newsDedupeKey(record);
    assertUnique(db, key, null);
    const id = inTransaction(db, () => {
      const created = insertEvent(db, record, key);
      writeAutoLinks(db, created, autoLinks(record, linkCandidates(db)));
      rewriteClaims(db, created, record);
      return created;
    });
    return readDetail(db, id);
  },
  'news.list': (input, { db }) => listEvents(db, input),
  'news.get': ({ id }, { db }) => readDetail(db, id),
  'news.updateLinks': ({ id, add = [], remove = [] }, { db }) => {
    const record = recordOf(readEventRow(db, id));
    for (const securityId of [...add, ...remove]) {
      if (getSecurity(db, securityId) === null) throw localizedError('NOT_FOUND', 'errors:news.securityGone', undefined, { securityId });
    }
    inTransaction(db, () => {
      for (const securityId of add) setUserLink(db, id, securityId, 'linked');
      for (const securityId of remove) setUserLink(db, id, securityId, 'removed');
      rewriteClaims(db, id, record);
    });
    return readDetail(db, id);
  },
  'news.update': ({ id, patch }, { db }) => {
    const current = recordOf(readEventRow(db, id));
    const record = recordFromForm({ ...current, ...patch, date: patch.date ?? current.date, headline: patch.headline ?? current.headline }, current);
    const key = newsDedupeKey(record);
    assertUnique(db, key, id);
    inTransaction(db, () => {
      updateEventRow(db, id, record, key);
      writeAutoLinks(db, id, autoLinks(record, linkCandidates(db)));
      rewriteClaims(db, id, record);
    });
    return readDetail(db, id);
  },
  'news.delete': ({ id }, { db }) => {
    if (!deleteEvent(db, id)) throw localizedError('NOT_FOUND', 'errors:news.eventGone', undefined, { id });
    return { deleted: true };
  },
  'news.relink': ({ ids }, { db }) => {
    for (const id of ids ?? []) readEventRow(db, id);
    return relink(db, ids);
  },
  'news.securities': (_input, { db }) => [...securityLabels(db).values()],
} satisfies Handlers<FeatureMethods<'news'>>;
