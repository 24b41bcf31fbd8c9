import { z } from 'zod';
import { defineMethods } from './define';
import { withFileSource } from './files';
import { LocalText } from './text';

/**
 * News events: import from article files, news lists (CSV/JSON) and feeds,
 * manual entry, links to securities (with the reasons they were made) and the
 * price moves the text claims.
 */

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-11.');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');
const Id = z.number().int().positive();

/** Which CSV column holds what (0-based); null when the file has no such column. */
export const NewsCsvMapping = z
  .object({
    delimiter: z.string().min(1).max(1),
    date: z.number().int().min(0),
    time: z.number().int().min(0).nullable(),
    headline: z.number().int().min(0),
    summary: z.number().int().min(0).nullable(),
    body: z.number().int().min(0).nullable(),
    source: z.number().int().min(0).nullable(),
    url: z.number().int().min(0).nullable(),
    tickers: z.number().int().min(0).nullable(),
    impliedTickers: z.array(z.string().min(1).max(20)).max(50),
    defaultSource: z.string().max(200),
  })
  .strict();
export type NewsCsvMapping = z.infer<typeof NewsCsvMapping>;

/** The date the user set for an item whose source states none (a dropped link, an undated page or paste). */
export const NewsDateChoice = z
  .object({ itemIndex: z.number().int().min(0), date: IsoDay, time: ClockTime.nullable().optional(), timeZone: z.string().trim().min(1).max(64).nullable().optional() })
  .strict();
export type NewsDateChoice = z.infer<typeof NewsDateChoice>;

/** A news file's options; the file itself is staged (by id) or inline base64 (withFileSource). */
const NewsFileFields = {
  mapping: NewsCsvMapping.optional(),
  /** Where the content came from: a file (default), the clipboard, or a link dropped on the window. */
  origin: z.enum(['file', 'paste', 'link']).optional(),
  dates: z.array(NewsDateChoice).max(100_000).optional(),
  /** Chosen by the caller so it can follow the `import.progress` events of this preview or import. */
  jobId: z.string().max(100).optional(),
};

export const LinkReason = z.object({
  field: z.enum(['headline', 'summary', 'body', 'tickers']),
  text: z.string(),
  index: z.number().int(),
  via: z.enum(['name', 'symbol', 'stated-ticker']),
  term: z.string(),
});
export type LinkReason = z.infer<typeof LinkReason>;

export const EventLink = z.object({
  securityId: Id,
  symbol: z.string(),
  name: z.string(),
  origin: z.enum(['auto', 'user']),
  state: z.enum(['linked', 'removed']),
  reasons: z.array(LinkReason),
});
export type EventLink = z.infer<typeof EventLink>;

export const EventClaim = z.object({
  securityId: Id,
  symbol: z.string(),
  direction: z.enum(['up', 'down']),
  percent: z.number(),
  qualifier: z.enum(['exact', 'up-to', 'more-than', 'about', 'less-than']),
  horizon: z.enum(['day', 'longer']),
  text: z.string(),
});
export type EventClaim = z.infer<typeof EventClaim>;

const EventFields = {
  date: IsoDay,
  time: ClockTime.nullable(),
  timeZone: z.string().nullable(),
  headline: z.string(),
  summary: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  label: z.string().nullable(),
  tags: z.array(z.string()),
};

export const NewsItemError = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  itemIndex: z.number().int().nullable(),
  field: z.string().nullable(),
  reason: z.string(),
  ...LocalText,
});
export type NewsItemError = z.infer<typeof NewsItemError>;

export const PreviewItem = z.object({
  itemIndex: z.number().int(),
  line: z.number().int().nullable(),
  ...EventFields,
  /** Already stored (same url, or same day and headline): importing skips it. */
  existingId: Id.nullable(),
  /** The source states no date: `date` is today as a placeholder, and the user must set it before importing. */
  dateUnknown: z.boolean(),
  /** Who wrote it, when the file says (a saved page's byline, a feed item's author); shown in the preview, not stored. */
  author: z.string().nullable(),
  links: z.array(EventLink),
  claims: z.array(EventClaim),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

export const NewsPreview = z.object({
  fileName: z.string(),
  format: z.enum(['feed', 'csv', 'json', 'article', 'page', 'pdf', 'link']).nullable(),
  /** For news lists: the columns of the first line and which one holds what, so the user can correct it. */
  csv: z.object({ columns: z.array(z.string()), mapping: NewsCsvMapping }).nullable(),
  items: z.array(PreviewItem),
  errors: z.array(NewsItemError),
  counts: z.object({ items: z.number().int(), new: z.number().int(), alreadyStored: z.number().int(), errors: z.number().int() }),
});
export type NewsPreview = z.infer<typeof NewsPreview>;

export const NewsImportResult = z.object({
  added: z.number().int(),
  alreadyStored: z.number().int(),
  skippedInvalid: z.number().int(),
  links: z.number().int(),
  claims: z.number().int(),
  eventIds: z.array(Id),
});
export type NewsImportResult = z.infer<typeof NewsImportResult>;

export const LinkedSecurity = z.object({ securityId: Id, symbol: z.string(), name: z.string() });
export type LinkedSecurity = z.infer<typeof LinkedSecurity>;

export const NewsListItem = z.object({
  id: Id,
  ...EventFields,
  links: z.array(LinkedSecurity),
  claimCount: z.number().int(),
});
export type NewsListItem = z.infer<typeof NewsListItem>;

export const NewsList = z.object({
  items: z.array(NewsListItem),
  total: z.number().int(),
  /** Values for the filter controls, over all stored events. */
  facets: z.object({ sources: z.array(z.string()), tags: z.array(z.string()), securities: z.array(LinkedSecurity) }),
});
export type NewsList = z.infer<typeof NewsList>;

export const NewsEventDetail = z.object({
  id: Id,
  ...EventFields,
  body: z.string(),
  links: z.array(EventLink),
  claims: z.array(EventClaim),
});
export type NewsEventDetail = z.infer<typeof NewsEventDetail>;

const EditableFields = z
  .object({
    date: IsoDay,
    time: ClockTime.nullable().optional(),
    timeZone: z.string().trim().min(1).max(64).nullable().optional(),
    headline: z.string().trim().min(1, 'A headline is required.').max(1000),
    summary: z.string().max(20_000).optional(),
    body: z.string().max(2_000_000).optional(),
    source: z.string().trim().max(200).optional(),
    url: z.string().trim().url('Use a full web address starting with http:// or https://.').max(4000).nullable().optional(),
    language: z.string().trim().min(2).max(12).nullable().optional(),
    label: z.string().trim().max(100).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  })
  .strict();

export const newsMethods = defineMethods({
  'news.previewImport': { input: withFileSource(NewsFileFields), output: NewsPreview },
  'news.import': {
    input: withFileSource({
      ...NewsFileFields,
      /** Store the readable items of a file that also has unreadable ones; otherwise such a file is rejected. */
      skipInvalid: z.boolean().optional(),
    }),
    output: NewsImportResult,
    mutates: ['news'],
  },
  'news.create': { input: EditableFields, output: NewsEventDetail, mutates: ['news'] },
  'news.list': {
    input: z
      .object({
        search: z.string().max(200).optional(),
        securityId: Id.optional(),
        from: IsoDay.optional(),
        to: IsoDay.optional(),
        tag: z.string().max(50).optional(),
        source: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
        /** false: the next pages of a list already shown skip the filter values (sources, tags, securities), which are the same for every page. */
        facets: z.boolean().optional(),
      })
      .strict(),
    output: NewsList,
  },
  'news.get': { input: z.object({ id: Id }).strict(), output: NewsEventDetail },
  'news.updateLinks': {
    input: z
      .object({ id: Id, add: z.array(Id).max(200).optional(), remove: z.array(Id).max(200).optional() })
      .strict(),
    output: NewsEventDetail,
    mutates: ['news'],
  },
  'news.update': {
    input: z.object({ id: Id, patch: EditableFields.partial().strict() }).strict(),
    output: NewsEventDetail,
    mutates: ['news'],
  },
  'news.delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }), mutates: ['news'] },
  'news.relink': {
    input: z.object({ ids: z.array(Id).max(100_000).optional() }).strict(),
    output: z.object({ events: z.number().int(), linksAdded: z.number().int(), linksRemoved: z.number().int() }),
    mutates: ['news'],
  },
  /** Every security an event can be linked to (the add-link and filter controls). */
  'news.securities': { input: z.object({}).strict(), output: z.array(LinkedSecurity) },
});
