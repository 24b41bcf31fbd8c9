import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';

export { expect };

const ROOT = resolve(import.meta.dirname, '..');
export { FIXTURES_DIR as FIXTURES } from '../test-support/fixtures';

export interface AppHandle {
  page: Page;
  dataDir: string;
  /** Reloads the UI; the backend and its database stay as they are. */
  reload(): Promise<void>;
  /** Saves a PNG of the current screen under test-results/screenshots/<project>/. */
  screenshot(name: string): Promise<void>;
}

/**
 * Where the Electron binary is, or why it is not there. Looked up without
 * require('electron'), which would try (and here fail) to download it.
 */
export function electronBinary(): { path: string } | { reason: string } {
  const pkgDir = join(ROOT, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformBinaryName();
  const path = override ? join(override, relative) : join(pkgDir, 'dist', relative);
  if (existsSync(path)) return { path };
  return { reason: 'Electron binary not installed on this machine (it cannot be downloaded here); runs where it is.' };
}

/**
 * Starts the desktop app as `npm start` does: Electron on the app folder (package.json
 * "main" → out/main/index.js), so the app's name, version and paths are the real ones.
 * shell.openExternal is stubbed so no test opens a real browser tab; the URLs it was
 * given are kept in the main process as globalThis.__openedExternally.
 */
export async function launchDesktopApp(binaryPath: string, dataDir: string): Promise<ElectronApplication> {
  const electronApp = await _electron.launch({
    executablePath: binaryPath,
    args: desktopAppArgs(dataDir),
    env: { ...process.env, TICKERLINE_MODE: 'test' },
  });
  await electronApp.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { __openedExternally?: string[] }).__openedExternally = opened;
    Object.assign(shell, {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    });
  });
  return electronApp;
}

/** The arguments after the binary: the app folder and the data folder. */
export function desktopAppArgs(dataDir: string): string[] {
  return [ROOT, `--data-dir=${dataDir}`];
}

/**
 * A second launch with what Playwright gives the first (it adds --no-sandbox on Linux,
 * where the dev binary's chrome-sandbox is not set up and Ubuntu 24.04 restricts user
 * namespaces), so both start the same way and only the single-instance lock differs.
 */
export function secondLaunchArgs(dataDir: string): string[] {
  return [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ...desktopAppArgs(dataDir)];
}

function platformBinaryName(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The server `npm run web` starts, read from package.json so the README's command is what the tests run. */
function browserModeEntry(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const entry = /\bnode (\S+\.js)/.exec(pkg.scripts.web ?? '')?.[1];
  if (!entry) throw new Error('package.json "web" script does not start a node server');
  return join(ROOT, entry);
}

export async function startBrowserMode(dataDir: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [browserModeEntry(), '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, TICKERLINE_MODE: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The printed address carries the one-run token; opening it logs the browser in (cookie).
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return { url, server };
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ browser }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-e2e-'));
    const shotDir = join(ROOT, 'test-results', 'screenshots', testInfo.project.name);
    mkdirSync(shotDir, { recursive: true });
    const screenshotOf = (page: Page) => async (name: string) => {
      await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
    };

    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      if ('reason' in binary) {
        rmSync(dataDir, { recursive: true, force: true });
        testInfo.skip(true, binary.reason);
        return;
      }
      const electronApp = await launchDesktopApp(binary.path, dataDir);
      const page = await electronApp.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await use({ page, dataDir, reload: async () => void (await page.reload()), screenshot: screenshotOf(page) });
      await electronApp.close();
    } else {
      const { url, server } = await startBrowserMode(dataDir);
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      await page.goto(url);
      await use({ page, dataDir, reload: async () => void (await page.reload()), screenshot: screenshotOf(page) });
      await context.close();
      server.kill('SIGTERM');
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});
