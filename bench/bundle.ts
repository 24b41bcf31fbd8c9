import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordFigure } from './figures';

/**
 * Sizes of the production renderer bundle (out/renderer, built by `npm run bench`):
 * what the first screen loads — the entry script and what index.html preloads — against
 * the budget, and the lazy chunks (Charts and its chart library) beside it.
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'renderer');
/** Gzipped JavaScript the main chunk may weigh (issue 16, part 5). */
export const MAIN_CHUNK_BUDGET_BYTES = 400 * 1024;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function sizeOf(file: string): ChunkSize {
  const body = readFileSync(join(OUT, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** The JavaScript files index.html loads before the first screen: its module script and modulepreloads. */
export function firstScreenScripts(html: string): { entry: string; preloaded: string[] } {
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('index.html has no module script');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return { entry, preloaded };
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

export function benchBundle(): ChunkSize[] {
  const { entry, preloaded } = firstScreenScripts(readFileSync(join(OUT, 'index.html'), 'utf8'));
  const all = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js')).map((f) => sizeOf(join('assets', f)));
  const first = [entry, ...preloaded].map(sizeOf);
  const main = first[0]!;
  const firstGzip = first.reduce((sum, c) => sum + c.gzipBytes, 0);
  const lazy = all.filter((c) => !first.some((f) => f.file === c.file) && !c.file.includes('bench-'));
  const largestLazy = lazy.reduce<ChunkSize | null>((a, c) => (a === null || c.gzipBytes > a.gzipBytes ? c : a), null);

  console.log('\nRenderer bundle (out/renderer/assets, minified):');
  for (const c of [...all].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    const when = first.some((f) => f.file === c.file) ? 'first screen' : c.file.includes('bench-') ? 'bench page only' : 'lazy';
    console.log(`  ${c.file.padEnd(40)} ${kB(c.bytes).padStart(10)}  ${kB(c.gzipBytes).padStart(9)} gzip  ${when}`);
  }
  recordFigure({ bench: 'bundle', name: `main chunk (${main.file.replace('assets/', '')}), gzip`, value: kB(main.gzipBytes), target: `< ${kB(MAIN_CHUNK_BUDGET_BYTES)}`, pass: main.gzipBytes < MAIN_CHUNK_BUDGET_BYTES });
  recordFigure({ bench: 'bundle', name: `first screen JS (${first.length} files), gzip`, value: kB(firstGzip), target: `< ${kB(MAIN_CHUNK_BUDGET_BYTES)}`, pass: firstGzip < MAIN_CHUNK_BUDGET_BYTES });
  if (largestLazy) recordFigure({ bench: 'bundle', name: `largest lazy chunk (${largestLazy.file.replace('assets/', '')}), gzip`, value: kB(largestLazy.gzipBytes), target: 'not on first screen', pass: null });
  recordFigure({ bench: 'bundle', name: 'all renderer JS, minified (gzip)', value: `${kB(all.reduce((s, c) => s + c.bytes, 0))} (${kB(all.reduce((s, c) => s + c.gzipBytes, 0))})`, target: '', pass: null });
  return all;
}
