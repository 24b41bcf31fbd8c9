import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IsoDate } from '@shared/domain/common/dates';
import { keyedText } from '@shared/domain/common/errors';
import { parseArticleText } from '@shared/domain/news/article-text';
import type { NewsParseResult } from '@shared/domain/news/news-event';

/**
 * Articles printed to PDF: the text layer via pdfjs-dist (Mozilla's PDF.js,
 * legacy build, the one meant for Node), laid out as lines, then read like a
 * saved text article: the first line is the headline, the dateline gives the
 * date. A scan has no text layer; it is refused with a message that says so.
 */
type PdfJs = typeof PdfJsModule;

let loaded: Promise<PdfJs> | null = null;

/**
 * PDF.js runs its parser in a worker; in the main process there is none, so it
 * uses the "fake worker", which looks for the worker module on globalThis
 * first. Importing it here lets the bundler include it instead of PDF.js
 * importing a file path that does not exist inside the bundle.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    lib.GlobalWorkerOptions.workerSrc ||= 'pdf.worker.mjs';
    return lib;
  })();
  return loaded;
}

interface TextRun {
  str: string;
  hasEOL: boolean;
  y: number;
}

/** The text of every page, a line per visual line, pages separated by a blank line. */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; title: string | null }> {
  const lib = await pdfjs();
  // PDF.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const task = lib.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      let lastY: number | null = null;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const run: TextRun = { str: raw.str, hasEOL: raw.hasEOL, y: raw.transform[5] ?? 0 };
        // A change of baseline without an explicit end of line still starts a new line.
        if (lastY !== null && Math.abs(run.y - lastY) > 2 && line !== '') {
          lines.push(line);
          line = '';
        }
        line += run.str;
        lastY = run.y;
        if (run.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      pages.push(lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n'));
      page.cleanup();
    }
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
    return { text: pages.join('\n\n'), pages: doc.numPages, title };
  } finally {
    await task.destroy();
  }
}

export async function parsePdfArticle(bytes: Uint8Array, fileName: string, today: IsoDate): Promise<NewsParseResult> {
  let extracted: Awaited<ReturnType<typeof pdfText>>;
  try {
    extracted = await pdfText(bytes);
  } catch (e) {
    const locked = e instanceof Error && /password/i.test(e.message);
    const problem = keyedText(locked ? 'errors:newsRead.pdfPassword' : 'errors:newsRead.pdfDamaged', { fileName });
    return { items: [], errors: [{ line: null, itemIndex: null, field: null, ...problem }] };
  }
  if (extracted.text.replace(/\s+/g, '') === '') {
    const problem = keyedText('errors:newsRead.pdfNoText', { fileName, count: extracted.pages });
    return { items: [], errors: [{ line: null, itemIndex: null, field: null, ...problem }] };
  }
  return parseArticleText(extracted.text, fileName, { undatedOn: today });
}
