/**
 * Profiling harness for the Portfolio tab (issue 19), not part of `npm run bench`: generates the UI
 * bench's data set (bench/large-data.ts) once into PF_ROOT, opens Charts at Max in headless
 * Chromium, and for each of PF_RUNS page loads clicks Portfolio while recording a V8 CPU profile
 * (PF_OUT/portfolio-<run>.cpuprofile; PF_NOPROF=1 to skip it), the renderer's CPU time
 * (SystemInfo.getProcessInfo, less noisy than wall time on a shared machine), the API calls with
 * their sizes, the SVG nodes and flags per section, and light and dark screenshots.
 * Run: `electron-vite build && PF_ROOT=/tmp/pf-data tsx bench/profile-portfolio.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { writeLargeData } from './large-data';
import { installProbe } from './ui-probe';

const ROOT = process.env.PF_APP ?? resolve(import.meta.dirname, '..');
const root = process.env.PF_ROOT ?? mkdtempSync(join(tmpdir(), 'pf-'));
const OUT = process.env.PF_OUT ?? join(tmpdir(), 'tickerline-profile');
mkdirSync(OUT, { recursive: true });
const dataDir = join(root, 'data');
if (!existsSync(dataDir)) writeLargeData(root);
const server = spawn(process.execPath, [join(ROOT, 'out', 'main', 'web.js'), '--data-dir', dataDir, '--port', '0'], { env: { ...process.env, TICKERLINE_MODE: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise<string>((res) => {
  let out = '';
  const on = (c: Buffer): void => { out += c.toString(); const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out); if (m?.[1]) res(m[1]); };
  server.stdout?.on('data', on); server.stderr?.on('data', on);
});
const browser = await chromium.launch({ headless: true, executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  for (let run = 0; run < Number(process.env.PF_RUNS ?? 1); run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript('window.__name = (f) => f;');
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('table.holdings-table tbody tr', { timeout: 60000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charts' }).click();
    await page.waitForSelector('[aria-label="Price chart"] svg', { timeout: 60000 });
    if (process.env.PF_RANGE !== '1Y') {
      await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: process.env.PF_RANGE ?? 'Max', exact: true }).click();
      await page.waitForTimeout(1500);
    }
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    const rendererCpu = async (): Promise<number> => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
      return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0);
    };
    const profiling = !process.env.PF_NOPROF;
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    const cpuBefore = await rendererCpu();
    await page.evaluate(() => window.__probe.arm('first'));
    await page.getByRole('group', { name: 'Chart' }).getByRole('button', { name: 'Portfolio' }).click();
    await page.waitForFunction(() => {
      const card = document.querySelector('[aria-label="Portfolio value"]');
      return window.__probe.seen(!!card?.querySelector('svg') && !card.querySelector('[role="status"]'));
    }, undefined, { polling: 'raf', timeout: 30000 });
    const step = await page.evaluate(() => window.__probe.settle(300, 30000));
    const cpuAfter = await rendererCpu();
    console.log('calls', JSON.stringify(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.startTime > window.__probe.windowStart - 50).map((e) => `${e.name.split('/').pop()?.slice(0, 40)} ${Math.round(e.duration)}ms ${Math.round((e as PerformanceResourceTiming).encodedBodySize / 1024)}KB`))));
    if (profiling) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(OUT, `portfolio-${run}.cpuprofile`), JSON.stringify(profile));
    }
    console.log('step', JSON.stringify(step), 'renderer CPU s', (cpuAfter - cpuBefore).toFixed(3), 'load', loadavg()[0]);
    console.log('counts', JSON.stringify(await page.evaluate(() => ({
      nodes: document.querySelectorAll('*').length,
      markers: [...document.querySelectorAll('section')].map((sec) => `${sec.getAttribute('aria-label')}: ${sec.querySelectorAll('[data-testid="event-marker"]').length} flags, ${sec.querySelectorAll('*').length} nodes, paths ${[...sec.querySelectorAll('path')].map((p) => (p.getAttribute('d') ?? '').length).sort((a, b) => b - a).slice(0, 3).join('/')}`),
    }))));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(500);
      for (const [i, part] of ['[aria-label="Portfolio value"]', '[aria-label="Time-weighted return"]', '[aria-label="Rolling 1-year return"]', '[aria-label="Allocation"]', '[aria-label="Holdings"]'].entries()) {
        await page.locator(part).first().scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT, `shot-${scheme}-${i}.png`) });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
