import type { IsoDate } from '@shared/domain/common/dates';
import { AppError, keyedText, type ErrorText } from '@shared/domain/common/errors';
import { detectNewsFile, type DetectedNewsFile } from '@shared/domain/news/detect';
import { parseArticleText, SAVED_ARTICLE_SOURCE } from '@shared/domain/news/article-text';
import { looksLikeMhtml, readMhtml } from '@shared/domain/news/mhtml';
import type { NewsParseResult, ParsedNewsItem } from '@shared/domain/news/news-event';
import { hostOf } from '@shared/domain/news/page-meta';
import { decodePriceFileBytes } from '@shared/domain/prices/decode';
import type { PageReadOptions } from './page-reader';

/**
 * The page reader (linkedom, Readability) and PDF.js are loaded when first
 * needed, so they stay out of the code the app runs at start-up.
 */
async function parseSavedPage(html: string, options: PageReadOptions): Promise<NewsParseResult> {
  return (await import('./page-reader')).parseSavedPage(html, options);
}

/**
 * The one entry that turns a news file's bytes into items, whatever was
 * dropped, picked or pasted: saved web pages (.html, .mhtml), PDFs, links
 * (Internet Shortcut .url files, which is also how the window hands over a
 * dragged link), and everything detectNewsFile reads (feeds, CSV/JSON lists,
 * text articles). A plain function of its input, so it runs the same in the
 * backend and in an import worker.
 */
export type NewsOrigin = 'file' | 'paste' | 'link';

export interface ReadNewsOptions {
  today: IsoDate;
  origin?: NewsOrigin | undefined;
}

const PAGE_EXT = /\.(html?|xhtml|shtml)$/i;
const MHTML_EXT = /\.(mhtml?|mht)$/i;

function failed(problem: ErrorText & { message: string }, format: DetectedNewsFile['format'] = null): DetectedNewsFile {
  return { format, items: [], errors: [{ line: null, itemIndex: null, field: null, ...problem }] };
}

function startsWithBytes(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i += 1) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Text as the price import decodes it (BOM, UTF-16 sniffing, UTF-8, else Windows-1252); binary files are refused. */
function decodeText(bytes: Uint8Array, fileName: string): string | DetectedNewsFile {
  try {
    return decodePriceFileBytes(bytes, fileName).text;
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNSUPPORTED_FILE') return failed(keyedText('errors:newsParse.binary', { fileName }));
    throw e;
  }
}

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i;

/** A page in another legacy encoding (GBK, Shift_JIS) says so in a meta tag; UTF-8 and UTF-16 are recognised from the bytes. */
function decodePage(bytes: Uint8Array, fileName: string, charset: string | null): string | DetectedNewsFile {
  const declared = charset ?? DECLARED_CHARSET.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1]?.toLowerCase() ?? null;
  if (declared !== null && !/^(utf-?8|us-ascii|iso-8859-1|windows-1252)$/i.test(declared)) {
    try {
      // Pages re-saved as UTF-8 often keep their old declaration; valid UTF-8 is taken as such.
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // not UTF-8: the declaration is right
    }
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return decodeText(bytes, fileName);
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^(<!--[\s\S]*?-->\s*)*<!doctype html|^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head) || (/^<(head|body|meta|title)[\s>]/.test(head));
}

/** An Internet Shortcut: '[InternetShortcut]' then 'URL=…'. Its title is its file name, as when a link is dragged to the desktop. */
function readShortcut(text: string, fileName: string, today: IsoDate): DetectedNewsFile | null {
  if (!/^\s*\[InternetShortcut\]/i.test(text)) return null;
  const url = /^URL=(\S+)\s*$/im.exec(text)?.[1] ?? '';
  if (!/^https?:\/\//i.test(url)) return failed(keyedText('errors:newsRead.linkNoAddress', { fileName }), 'link');
  const name = fileName.replace(/\.url$/i, '').trim();
  const headline = name !== '' && !/^(link|untitled)$/i.test(name) ? name : url;
  const item: ParsedNewsItem = {
    date: today,
    time: null,
    timeZone: null,
    headline,
    summary: '',
    body: '',
    source: hostOf(url) ?? SAVED_ARTICLE_SOURCE,
    url,
    language: 'und',
    label: null,
    tags: [],
    tickers: [],
    line: null,
    itemIndex: 0,
    dateUnknown: true,
  };
  return { format: 'link', items: [item], errors: [] };
}

export async function readNewsFile(bytes: Uint8Array, fileName: string, options: ReadNewsOptions): Promise<DetectedNewsFile> {
  const { today } = options;
  if (bytes.length === 0) return failed(keyedText('errors:newsParse.empty', { fileName }));
  if (startsWithBytes(bytes, '%PDF-') || /\.pdf$/i.test(fileName)) {
    const { parsePdfArticle } = await import('./pdf-reader');
    return { format: 'pdf', ...(await parsePdfArticle(bytes, fileName, today)) };
  }
  if (MHTML_EXT.test(fileName) || looksLikeMhtml(bytes)) {
    const mhtml = readMhtml(bytes);
    if (!mhtml.ok) return failed(keyedText('errors:newsRead.pageUnreadable', { fileName, why: mhtml.why }), 'page');
    const html = decodePage(mhtml.page.html, fileName, mhtml.page.charset);
    if (typeof html !== 'string') return html;
    return { format: 'page', ...(await parseSavedPage(html, { fileName, today, location: mhtml.page.location, fallbackTitle: mhtml.page.subject })) };
  }
  const text = PAGE_EXT.test(fileName) ? decodePage(bytes, fileName, null) : decodeText(bytes, fileName);
  if (typeof text !== 'string') return text;
  const shortcut = readShortcut(text, fileName, today);
  if (shortcut) return shortcut;
  if (PAGE_EXT.test(fileName) || looksLikeHtml(text) || (options.origin === 'paste' && text.trimStart().startsWith('<'))) return { format: 'page', ...(await parseSavedPage(text, { fileName, today })) };
  if (options.origin === 'paste') return { format: 'article', ...parseArticleText(text, fileName, { undatedOn: today }) };
  return detectNewsFile(text, fileName);
}
