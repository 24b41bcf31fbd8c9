import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { recordFigure } from './figures';

/**
 * Renders 10 series of 20 years of daily bars in headless Chromium with the
 * app's real chart components (renderer/bench.html, built into out/renderer):
 * as 10 PriceCharts (min/max per pixel column, markers kept) and as one
 * CompareChart with 10 lines (LTTB), each prepared as the app does and with
 * every bar for reference, and reports render and hover times.
 */
const SERIES = 10;
const YEARS = 20;
const WIDTH = 1000;
const HOVER_STEPS = 60;
/** Mounts per mode; the fastest is the figure (least disturbed by other work on the machine), the median is shown too. */
const REPEATS = 5;
const RENDER_TARGET_MS = 200;
const HOVER_TARGET_MS = 16;

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'renderer');
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

interface BenchResult {
  mode: string;
  series: number;
  barsPerSeries: number;
  pointsPerSeries: number;
  prepareMs: number;
  renderMs: number[];
  hoverMs: number[];
}

interface TraceEvent {
  name: string;
  /** Wall and thread (CPU) duration in µs. */
  dur?: number;
  tdur?: number;
}

/**
 * The main thread's CPU time of each mount: the shortest traced task at least as
 * long as the mount's wall time holds it (one mount is one task). Other work on
 * the machine stretches wall time, far less the thread's own CPU time.
 */
function mountCpuMs(renderMs: readonly number[], tasks: readonly TraceEvent[]): number[] {
  return renderMs.flatMap((wall) => {
    let best: TraceEvent | undefined;
    for (const t of tasks) if (t.dur !== undefined && t.tdur !== undefined && t.dur / 1000 >= wall && (!best || t.dur < (best.dur ?? Infinity))) best = t;
    return best?.tdur === undefined ? [] : [best.tdur / 1000];
  });
}

declare global {
  interface Window {
    runChartBench(options: { mode: 'prepared' | 'full'; series: number; years: number; width: number; hoverSteps: number; repeats?: number; layout?: 'charts' | 'compare'; logScale?: boolean; style?: 'line' | 'candles' | 'ohlc' }): Promise<BenchResult>;
  }
}

function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

export async function benchRender(): Promise<void> {
  if (!existsSync(join(OUT, 'bench.html'))) throw new Error('out/renderer/bench.html is missing: run `electron-vite build` first.');
  const server = createServer((req, res) => {
    const path = normalize(join(OUT, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(OUT + sep)) return void res.writeHead(404).end();
    readFile(path).then(
      (body) => res.writeHead(200, { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.html`;
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    const results: (BenchResult & { renderCpuMs: number[] })[] = [];
    // 'charts-log': the same price charts on a logarithmic axis (the Log scale option)
    // 'charts-candles' / 'charts-ohlc': the bar styles, with candles of downsampled points spanning their buckets
    // RENDER_VARIANTS=charts-candles,charts runs only those (a quicker check while working on one mode)
    const only = process.env.RENDER_VARIANTS?.split(',').map((v) => v.trim());
    for (const variant of ['charts', 'charts-log', 'charts-candles', 'charts-ohlc', 'compare'] as const) {
      if (only && !only.includes(variant)) continue;
      const layout: 'charts' | 'compare' = variant === 'compare' ? 'compare' : 'charts';
      const logScale = variant === 'charts-log';
      const style: 'line' | 'candles' | 'ohlc' = variant === 'charts-candles' ? 'candles' : variant === 'charts-ohlc' ? 'ohlc' : 'line';
      for (const mode of ['prepared', 'full'] as const) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
        await page.goto(url);
        await page.waitForFunction(() => typeof window.runChartBench === 'function');
        // A warm-up run compiles the code paths, as they would be after the first chart in the app.
        await page.evaluate((o) => window.runChartBench(o), { mode, layout, logScale, style, series: 2, years: 1, width: WIDTH, hoverSteps: 5 });
        const options = { mode, layout, logScale, style, series: SERIES, years: YEARS, width: WIDTH, hoverSteps: HOVER_STEPS, repeats: mode === 'prepared' ? REPEATS : 2 };
        const cdp = await page.context().newCDPSession(page);
        const tasks: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (e) => {
          for (const v of e.value as Record<string, unknown>[]) {
            if (v['name'] === 'RunTask' && typeof v['dur'] === 'number' && typeof v['tdur'] === 'number') tasks.push({ name: 'RunTask', dur: v['dur'], tdur: v['tdur'] });
          }
        });
        const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
        await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
        const result = await page.evaluate((o) => window.runChartBench(o), options);
        await cdp.send('Tracing.end');
        await traced;
        results.push({ ...result, mode: `${variant}/${mode}`, renderCpuMs: mountCpuMs(result.renderMs, tasks) });
        await page.close();
      }
    }
    console.log(`\nChart render: ${SERIES} series × ${YEARS} years of daily bars, ${WIDTH}px wide, Chromium headless`);
    console.log(`(machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} — other work on the machine inflates these times)`);
    console.log('layout/mode        bars/series  points/series  prepare    render min  render med  render CPU med  hover p50  hover p95  hover max');
    for (const r of results) {
      console.log(
        [
          r.mode.padEnd(17),
          String(r.barsPerSeries).padStart(11),
          String(r.pointsPerSeries).padStart(14),
          ms(r.prepareMs).padStart(9),
          ms(Math.min(...r.renderMs)).padStart(10),
          ms(quantile(r.renderMs, 0.5)).padStart(10),
          (r.renderCpuMs.length ? ms(quantile(r.renderCpuMs, 0.5)) : '—').padStart(14),
          (r.hoverMs.length ? ms(quantile(r.hoverMs, 0.5)) : '—').padStart(10),
          (r.hoverMs.length ? ms(quantile(r.hoverMs, 0.95)) : '—').padStart(10),
          (r.hoverMs.length ? ms(Math.max(...r.hoverMs)) : '—').padStart(10),
        ].join('  '),
      );
    }
    for (const r of results) {
      const [layout, mode] = r.mode.split('/');
      const what =
        layout === 'compare'
          ? '1 chart with 10 lines'
          : layout === 'charts-log'
            ? '10 price charts, log scale'
            : layout === 'charts-candles'
              ? '10 candlestick charts'
              : layout === 'charts-ohlc'
                ? '10 OHLC bar charts'
                : '10 price charts';
      const label = `${what}, ${mode === 'prepared' ? 'downsampled' : 'full data (reference)'}`;
      const target = mode === 'prepared';
      const render = r.prepareMs + Math.min(...r.renderMs);
      const hover = quantile(r.hoverMs, 0.95);
      recordFigure({ bench: 'render', name: `render 10×20y, ${label}`, value: ms(render), target: target ? `< ${RENDER_TARGET_MS} ms` : '', pass: target ? render < RENDER_TARGET_MS : null });
      if (r.hoverMs.length === 0) continue;
      recordFigure({ bench: 'render', name: `hover frame p95, ${label}`, value: ms(hover), target: target ? `< ${HOVER_TARGET_MS} ms` : '', pass: target ? hover < HOVER_TARGET_MS : null });
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}
