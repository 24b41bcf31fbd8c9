import { AppError, keyedText, localizedError, type ErrorText } from '../common/errors';
import { parseArticleText } from './article-text';
import { parseFeed } from './feed';
import { detectNewsCsvMapping, parseNewsCsv } from './news-csv';
import { parseNewsJson } from './news-json';
import type { NewsParseResult } from './news-event';
import { decodeUtf8 } from './utf8';

/** 'page', 'pdf' and 'link' are read in the backend (they need a DOM or PDF.js); the others here. */
export type NewsFileFormat = 'feed' | 'csv' | 'json' | 'article' | 'page' | 'pdf' | 'link';

export interface DetectedNewsFile extends NewsParseResult {
  format: NewsFileFormat | null;
}

function failed(text: ErrorText & { message: string }, line: number | null = 1): DetectedNewsFile {
  return { format: null, items: [], errors: [{ line, itemIndex: null, field: null, ...text }] };
}

/**
 * Picks the parser from the content first and the file name second: feeds are
 * often saved as .txt or without extension, and CSV exports as .txt.
 */
export function detectNewsFile(input: string | Uint8Array, fileName: string): DetectedNewsFile {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    text = decoded.text;
    if (decoded.invalid > Math.max(2, input.length / 100)) return failed(keyedText('errors:newsParse.notUtf8', { fileName }), null);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return failed(keyedText('errors:newsParse.empty', { fileName }));
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // Tab, newline and carriage return are text; the other C0 controls only occur in binary files.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls += 1;
  }
  if (controls > Math.max(2, text.length / 200)) return failed(keyedText('errors:newsParse.binary', { fileName }), null);

  const head = text.trimStart().slice(0, 500);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (head.startsWith('<') || ['xml', 'rss', 'atom'].includes(ext)) return { format: 'feed', ...parseFeed(text) };
  if (head.startsWith('[') || head.startsWith('{') || ext === 'json') return { format: 'json', ...parseNewsJson(text) };
  if (['csv', 'tsv'].includes(ext) || (ext === 'txt' && looksLikeCsv(text))) {
    try {
      return { format: 'csv', ...parseNewsCsv(text, detectNewsCsvMapping(text, fileName)) };
    } catch (e) {
      if (e instanceof AppError) return { ...failed({ message: e.message, ...(e.text ?? { key: 'errors:code.UNSUPPORTED_FILE' }) }), format: 'csv' };
      throw e;
    }
  }
  return { format: 'article', ...parseArticleText(text, fileName) };
}

function looksLikeCsv(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  return /^\W*(date|datum|published|time)\W*[,;\t]/i.test(first);
}

/** The whole file failed when nothing could be read: an AppError for the UI, else null. */
export function newsImportFailure(result: NewsParseResult, fileName: string): AppError | null {
  if (result.items.length > 0) return null;
  const first = result.errors[0];
  const details = { file: fileName, line: first?.line ?? null, field: first?.field ?? null, errors: result.errors };
  if (first === undefined) return localizedError('IMPORT_REJECTED', 'errors:news.noItems', { fileName }, details);
  // A reader without a catalogue key yet: its English words, under the general message for other languages.
  if (first.key === undefined) return new AppError('IMPORT_REJECTED', first.message, details, { key: 'errors:code.IMPORT_REJECTED' });
  return localizedError('IMPORT_REJECTED', first.key, first.params, details);
}
