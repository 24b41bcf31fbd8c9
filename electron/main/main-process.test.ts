import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StagedFile } from '@shared/api/files';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_STAGE_CHANNEL, type CallResult } from '@shared/api/transport';
import { FIXTURES_DIR } from '../../test-support/fixtures';
import { ensureBuiltMain } from './testing/built-main';
import { createElectronStandIn, type ElectronStandIn, type MenuItemLike } from './testing/electron-stand-in';
import { createUpdaterStandIn, type UpdaterStandIn } from './testing/updater-stand-in';

/**
 * Smoke test of the main process as it ships: out/main/index.js runs under Node 24
 * with a recording stand-in for `electron` (testing/electron-stand-in.ts), and the
 * test drives what Electron would (ready, menu clicks, app:// requests, IPC calls,
 * quit). It complements e2e/desktop.spec.ts, which needs the real binary.
 */

const state = vi.hoisted(() => ({ current: undefined as undefined | { module: Record<string, unknown> }, updater: undefined as unknown }));
vi.mock('electron-updater', () => ({
  default: {
    get autoUpdater() {
      if (!state.updater) throw new Error('updater stand-in: no app launched');
      return state.updater;
    },
  },
}));
vi.mock('electron', () => {
  const keys = ['app', 'BrowserWindow', 'Menu', 'dialog', 'session', 'shell', 'protocol', 'ipcMain', 'nativeTheme', 'screen'];
  const exports: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(exports, key, {
      enumerable: true,
      get: () => {
        if (!state.current) throw new Error('electron stand-in: no app launched');
        return state.current.module[key];
      },
    });
  }
  return exports;
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const APP_PAGE = { url: 'app://tickerline/index.html' };
const cleanup: (() => void)[] = [];
let mainFile = '';

beforeAll(() => {
  mainFile = ensureBuiltMain(ROOT);
}, 200_000);

afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerline-main-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Launch {
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  singleInstanceLock?: boolean;
  switches?: string[];
  /** The newest version on the release feed (default: the running 0.1.0). */
  latest?: string;
  /** updates.json in the data folder before start. */
  updatePreferences?: Record<string, unknown>;
}

const updaters = new WeakMap<ElectronStandIn, UpdaterStandIn>();
const updaterOf = (standIn: ElectronStandIn): UpdaterStandIn => updaters.get(standIn)!;

/** Loads out/main/index.js afresh against a new stand-in, as one launch of the app. */
async function launch(options: Launch = {}): Promise<ElectronStandIn> {
  const standIn = createElectronStandIn({
    userData: tempDir(),
    ...(options.singleInstanceLock === undefined ? {} : { singleInstanceLock: options.singleInstanceLock }),
    ...(options.switches ? { switches: options.switches } : {}),
  });
  state.current = standIn;
  const updater = createUpdaterStandIn({ latest: options.latest ?? '0.1.0', releaseNotes: '<p>Faster charts</p>', quit: () => standIn.app.quit(), log: standIn.log });
  state.updater = updater;
  updaters.set(standIn, updater);
  if (options.updatePreferences) writeFileSync(join(standIn.app.getPath('userData'), 'updates.json'), JSON.stringify(options.updatePreferences));
  const argv = process.argv;
  process.argv = ['/opt/Tickerline/tickerline', ...(options.args ?? [])];
  const saved = Object.entries(options.env ?? {}).map(([key, value]) => {
    const before = process.env[key];
    process.env[key] = value;
    return () => {
      if (before === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = before;
    };
  });
  const cwd = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  cleanup.push(() => {
    // Close the database the launch opened (as quitting does), then forget the launch.
    if (!standIn.result.quit) standIn.app.emit('will-quit', { preventDefault() {} });
    state.current = undefined;
    state.updater = undefined;
  });
  try {
    vi.resetModules();
    await import(`${pathToFileURL(mainFile).href}?launch=${Math.random()}`);
  } finally {
    process.argv = argv;
    process.chdir(cwd);
    for (const restore of saved) restore();
  }
  return standIn;
}

async function started(options: Launch = {}): Promise<ElectronStandIn> {
  const standIn = await launch(options);
  await standIn.ready();
  return standIn;
}

function call(standIn: ElectronStandIn, method: string, input: unknown): Promise<CallResult> {
  return standIn.invoke(IPC_CALL_CHANNEL, APP_PAGE, method, input) as Promise<CallResult>;
}

function value<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Events the main process pushed to the window, by name. */
function pushed(standIn: ElectronStandIn, name: string): unknown[] {
  return (standIn.windows[0]?.webContents.sent ?? [])
    .filter((s) => s.channel === IPC_EVENT_CHANNEL && s.args[0] === name)
    .map((s) => s.args[1]);
}

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('start-up', () => {
  it('sets the data folder, registers app:// and takes the single-instance lock before ready, then opens one window', async () => {
    const dataDir = join(tempDir(), 'data');
    const standIn = await launch({ args: [`--data-dir=${dataDir}`] });
    expect(standIn.log).toEqual(['app.setPath:userData', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    expect(standIn.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    await standIn.ready();
    expect(standIn.log.slice(3)).toEqual(
      expect.arrayContaining(['ready', 'protocol.handle:app', `ipcMain.handle:${IPC_CALL_CHANNEL}`, 'Menu.setApplicationMenu', 'new BrowserWindow']),
    );
    expect(standIn.windows).toHaveLength(1);
    expect(existsSync(join(dataDir, 'tickerline.sqlite'))).toBe(true);
  });

  it('opens the window sandboxed and isolated, hidden until its first paint', async () => {
    const standIn = await started();
    const win = standIn.windows[0]!;
    expect(win.options).toMatchObject({ show: false, minWidth: 900, minHeight: 600, title: 'Tickerline' });
    expect(win.options.webPreferences).toEqual({
      preload: join(ROOT, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(existsSync(join(ROOT, 'out', 'preload', 'index.cjs'))).toBe(true);
    expect(win.url).toBe('app://tickerline/index.html');
    expect(win.isVisible()).toBe(false);
    win.paint();
    expect(win.isVisible()).toBe(true);
  });

  it('maximises a window that was maximised last time only after its first paint', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ x: 5, y: 5, width: 1000, height: 700, maximized: true }));
    const standIn = await started({ args: ['--data-dir', dataDir] });
    const win = standIn.windows[0]!;
    expect(win.events).toEqual(['loadURL:app://tickerline/index.html']);
    win.paint();
    expect(win.events).toEqual(['loadURL:app://tickerline/index.html', 'maximize', 'show']);
  });

  it('takes a relative --data-dir from the working directory instead of crashing', async () => {
    const cwd = tempDir();
    const standIn = await started({ args: ['--data-dir=portfolio/data'], cwd });
    expect(standIn.app.getPath('userData')).toBe(join(cwd, 'portfolio', 'data'));
    expect(standIn.windows).toHaveLength(1);
    expect(existsSync(join(cwd, 'portfolio', 'data', 'tickerline.sqlite'))).toBe(true);
  });

  it('expands ~ in TICKERLINE_DATA_DIR as browser mode does', async () => {
    const home = tempDir();
    const standIn = await started({ env: { TICKERLINE_DATA_DIR: '~/Tickerline test', HOME: home, USERPROFILE: home } });
    expect(standIn.app.getPath('userData')).toBe(join(home, 'Tickerline test'));
    expect(standIn.windows).toHaveLength(1);
  });

  it('explains a data folder that cannot be used and exits instead of hanging without a window', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const standIn = await started({ args: [`--data-dir=${join(blocker, 'data')}`] });
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.errorBoxes).toHaveLength(1);
    expect(standIn.errorBoxes[0]!.title).toBe('Tickerline cannot use this data folder');
    expect(standIn.errorBoxes[0]!.content).toContain(join(blocker, 'data'));
    expect(standIn.result.exitCode).toBe(1);
  });

  it('a second instance quits at once; the first restores and focuses its window', async () => {
    const second = await started({ singleInstanceLock: false });
    expect(second.log).toContain('app.quit');
    expect(second.windows).toHaveLength(0);

    const first = await started();
    const win = first.windows[0]!;
    win.minimize();
    first.app.emit('second-instance', {}, ['/opt/Tickerline/tickerline'], '/');
    expect(win.events.slice(-2)).toEqual(['restore', 'focus']);
  });

  it.runIf(process.platform === 'linux')('an AppImage started without the sandbox says so once and logs it every time', async () => {
    const dataDir = tempDir();
    const appImage = { args: ['--data-dir', dataDir], switches: ['no-sandbox'], env: { APPIMAGE: '/home/anna/Applications/Tickerline-0.1.0.AppImage' } };
    const first = await started(appImage);
    expect(first.messageBoxes.map((m) => m.options.message)).toEqual(['Tickerline is running without the Chromium sandbox']);
    first.app.quit();
    const again = await started(appImage);
    expect(again.messageBoxes).toEqual([]);
    const log = readFileSync(join(dataDir, 'logs', 'tickerline.log'), 'utf8');
    expect(log.match(/INFO Tickerline is running without the Chromium sandbox/g)).toHaveLength(2);
    // With the sandbox on (the deb's AppArmor profile, or namespaces allowed) nothing is said.
    const sandboxed = await started({ env: { APPIMAGE: '/home/anna/Applications/Tickerline-0.1.0.AppImage' } });
    expect(sandboxed.messageBoxes).toEqual([]);
  });

  it('opens a new window when the app is activated or launched again with none open (macOS)', async () => {
    const standIn = await started();
    // On macOS closing the last window leaves the app running.
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      standIn.windows[0]!.close();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(standIn.result.quit).toBe(false);
    expect(standIn.windows).toHaveLength(0);
    standIn.app.emit('second-instance', {}, [], '/');
    expect(standIn.windows).toHaveLength(1);
    standIn.windows[0]!.close();
    standIn.app.emit('activate', {}, false);
    expect(standIn.windows).toHaveLength(1);
  });
});

describe('IPC', () => {
  it('serves the router on one channel (and staging a file on another) and answers only the app’s own top-level page', async () => {
    const standIn = await started();
    expect(standIn.ipcChannels()).toEqual([IPC_CALL_CHANNEL, IPC_STAGE_CHANNEL]);
    const info = value<{ mode: string; version: string }>(await call(standIn, 'system.info', {}));
    expect(info).toMatchObject({ mode: 'desktop', version: '0.1.0' });

    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Tickerline window.' } };
    expect(await standIn.invoke(IPC_CALL_CHANNEL, { url: 'https://evil.example/' }, 'system.info', {})).toEqual(forbidden);
    expect(await standIn.invoke(IPC_CALL_CHANNEL, { url: 'app://tickerline/index.html', parent: {} }, 'system.info', {})).toEqual(forbidden);
    expect(await standIn.invoke(IPC_CALL_CHANNEL, { url: 'file:///etc/passwd' }, 'system.info', {})).toEqual(forbidden);
  });

  it('denies new windows and permissions; web links go to the system browser', async () => {
    const standIn = await started();
    const contents = standIn.windows[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/news' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(standIn.opened.external).toEqual(['https://example.com/news']);
    let granted: boolean | undefined;
    (standIn.defaultSession.permissionRequestHandler as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)(contents, 'media', (ok) => {
      granted = ok;
    });
    expect(granted).toBe(false);
  });
});

describe('application menu', () => {
  function items(standIn: ElectronStandIn): MenuItemLike[] {
    return standIn.menu!.items;
  }

  it('offers the promised items, each accelerator once, and no developer tools in the shipped app', async () => {
    const standIn = await started();
    const top = standIn.menu!.template.map((m) => m.label ?? m.role);
    expect(top).toEqual(process.platform === 'darwin' ? ['appMenu', '&File', 'editMenu', '&View', 'windowMenu', 'help'] : ['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    const ids = items(standIn).map((i) => i.id).filter(Boolean);
    expect(ids).toEqual(expect.arrayContaining(['import-prices', 'import-news', 'import-transactions', 'export', 'backup', 'restore', 'navigate:holdings', 'navigate:settings', 'toggle-theme', 'about', 'open-data-folder', 'open-logs-folder']));
    expect(new Set(ids).size).toBe(ids.length);
    const accelerators = items(standIn).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(items(standIn).map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('sends UI commands to the window as app.command events', async () => {
    const standIn = await started();
    standIn.menu!.getMenuItemById('navigate:settings')!.click!();
    standIn.menu!.getMenuItemById('backup')!.click!();
    expect(pushed(standIn, 'app.command')).toEqual([{ command: 'navigate:settings' }, { command: 'backup' }]);
  });

  it('File ▸ Import Prices… reads the picked files straight into staging and hands the window their ids; a folder is named and skipped', async () => {
    const standIn = await started();
    const file = join(FIXTURES_DIR, 'prices', 'stooq_nvda_us_d.csv');
    const folder = join(FIXTURES_DIR, 'prices');
    standIn.openDialogAnswers.push([file, folder]);
    standIn.menu!.getMenuItemById('import-prices')!.click!();
    await until(() => pushed(standIn, 'app.command').length > 0, 'the import command');
    expect(standIn.openDialogCalls[0]).toMatchObject({ title: 'Import price history', properties: ['openFile', 'multiSelections'] });
    const [command] = pushed(standIn, 'app.command') as { command: string; files?: unknown; staged: StagedFile[] }[];
    expect(command!.command).toBe('import-prices');
    // Ids and names only: no bytes travel to the page.
    expect(command!.files).toBeUndefined();
    expect(command!.staged.map((f) => [f.fileName, f.sizeBytes])).toEqual([['stooq_nvda_us_d.csv', statSync(file).size]]);
    // The staged bytes are the file's: a preview by id reads its 1,010 lines as a header and 1,009 rows.
    const preview = value<{ fileName: string; stats: { valid: number } }>(await call(standIn, 'prices.preview', { stagedId: command!.staged[0]!.stagedId }));
    expect(preview.fileName).toBe('stooq_nvda_us_d.csv');
    expect(preview.stats.valid).toBe(1009);
    expect(standIn.messageBoxes.map((m) => [m.options.message, m.options.detail])).toEqual([['One file was not opened', 'prices is not a file.']]);
  });

  it('File ▸ Restore… stages the picked backup; restoring it by id brings the data back', async () => {
    const standIn = await started();
    const backup = value<{ contentBase64: string; sizeBytes: number }>(await call(standIn, 'backup.create', {}));
    const file = join(tempDir(), 'my-backup.sqlite');
    writeFileSync(file, Buffer.from(backup.contentBase64, 'base64'));
    value(await call(standIn, 'accounts.create', { name: 'Made after the backup', currency: 'EUR' }));
    standIn.openDialogAnswers.push([file]);
    standIn.menu!.getMenuItemById('restore')!.click!();
    await until(() => pushed(standIn, 'app.command').length > 0, 'the restore command');
    const [command] = pushed(standIn, 'app.command') as { command: string; staged: StagedFile[] }[];
    expect(command!.command).toBe('restore');
    expect(command!.staged.map((f) => [f.fileName, f.sizeBytes])).toEqual([['my-backup.sqlite', backup.sizeBytes]]);
    value(await call(standIn, 'backup.restore', { file: { stagedId: command!.staged[0]!.stagedId } }));
    const names = value<{ name: string }[]>(await call(standIn, 'accounts.list', {})).map((a) => a.name);
    expect(names).not.toContain('Made after the backup');
  });

  it("stages a dropped file's raw bytes sent over the stage channel, only from the app's own page", async () => {
    const standIn = await started();
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'prices', 'yahoo-download_JD.csv')));
    const staged = (await standIn.invoke(IPC_STAGE_CHANNEL, APP_PAGE, 'jd.csv', bytes)) as CallResult;
    // 55,643 bytes (wc -c); a header and 800 rows.
    const file = value<StagedFile>(staged);
    expect([file.fileName, file.sizeBytes]).toEqual(['jd.csv', 55_643]);
    expect(value<{ stats: { valid: number } }>(await call(standIn, 'prices.preview', { stagedId: file.stagedId })).stats.valid).toBe(800);
    const foreign = (await standIn.invoke(IPC_STAGE_CHANNEL, { url: 'https://example.com/' }, 'x.csv', bytes)) as CallResult;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const framed = (await standIn.invoke(IPC_STAGE_CHANNEL, { url: APP_PAGE.url, parent: {} }, 'x.csv', bytes)) as CallResult;
    expect(framed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const nameless = (await standIn.invoke(IPC_STAGE_CHANNEL, APP_PAGE, '', bytes)) as CallResult;
    expect(nameless).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('Help ▸ Open Logs Folder shows the log that an INTERNAL error points to', async () => {
    const standIn = await started();
    const logs = join(standIn.app.getPath('userData'), 'logs');
    standIn.menu!.getMenuItemById('open-logs-folder')!.click!();
    expect(standIn.opened.paths).toEqual([logs]);
    // A call the backend cannot answer (will-quit has closed its database) fails with INTERNAL, whose text promises the log.
    standIn.app.emit('will-quit', { preventDefault() {} });
    const failed = await call(standIn, 'system.info', {});
    expect(failed.ok ? 'ok' : [failed.error.code, failed.error.message]).toEqual(['INTERNAL', 'Something went wrong inside Tickerline. Nothing was changed. Details were written to the log.']);
    const text = readFileSync(join(logs, 'tickerline.log'), 'utf8');
    expect(text).toMatch(/ INFO Tickerline 0\.1\.0 starting \(/);
    expect(text).toMatch(/ ERROR backend call failed: /);
  });

  it('a cancelled import dialog sends nothing', async () => {
    const standIn = await started();
    standIn.menu!.getMenuItemById('import-news')!.click!();
    await until(() => standIn.openDialogCalls.length === 1, 'the dialog');
    await new Promise((r) => setTimeout(r, 20));
    expect(pushed(standIn, 'app.command')).toEqual([]);
  });
});

describe('app:// serves the built UI', () => {
  it('serves files with their MIME types and the CSP on pages', async () => {
    const standIn = await started();
    const page = await standIn.request('app://tickerline/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    const html = await page.text();
    expect(html).toBe(readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8'));
    expect((await standIn.request('app://tickerline/')).headers.get('content-type')).toBe('text/html');

    const script = /src="\.?\/?(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="\.?\/?(assets\/index-[^"]+\.css)"/.exec(html)?.[1];
    expect(script && style).toBeTruthy();
    const js = await standIn.request(`app://tickerline/${script!}`);
    expect([js.status, js.headers.get('content-type'), js.headers.get('content-security-policy')]).toEqual([200, 'text/javascript', null]);
    expect((await standIn.request(`app://tickerline/${style!}`)).headers.get('content-type')).toBe('text/css');
  });

  it('the first screen loads neither the chart library, the other screens nor the bench page (they are lazy or separate)', () => {
    const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    const loaded = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(loaded.some((f) => f.startsWith('assets/index-') && f.endsWith('.js'))).toBe(true);
    expect(loaded.filter((f) => /charts-vendor|ChartsScreen|PriceChart|NewsScreen|ImportScreen|SettingsScreen|bench-/.test(f))).toEqual([]);
    // Each of those screens is a chunk of its own.
    const assets = readdirSync(join(ROOT, 'out', 'renderer', 'assets'));
    for (const screen of ['ChartsScreen', 'NewsScreen', 'ImportScreen', 'SettingsScreen']) expect(assets.some((f) => f.startsWith(`${screen}-`)), screen).toBe(true);
  });

  it('answers 404 for other hosts, missing files, traversal and malformed escapes', async () => {
    const standIn = await started();
    for (const url of [
      'app://evil/index.html',
      'app://tickerline/missing.js',
      'app://tickerline/..%2f..%2fpackage.json',
      'app://tickerline/assets/..%2F..%2F..%2Fpackage.json',
      'app://tickerline/%2e%2e/%2e%2e/package.json',
      'app://tickerline/%E0%A4%A',
      'app://tickerline/100%',
      'app://tickerline/assets',
    ]) {
      const response = await standIn.request(url);
      expect(response.status, url).toBe(404);
    }
  });
});

describe('quitting', () => {
  it('closes the database when the app quits', async () => {
    const standIn = await started();
    const before = standIn.windows.length;
    standIn.app.quit();
    expect(before).toBe(1);
    expect(standIn.result.quit).toBe(true);
    expect((await call(standIn, 'system.info', {})).ok).toBe(false);
  });

  it('during an import asks, lets the import finish, closes the database last, then quits', async () => {
    const standIn = await started();
    const contentBase64 = readFileSync(join(FIXTURES_DIR, 'prices', 'yahoo-download_NVDA.csv')).toString('base64');
    const security = value<{ id: number }>(await call(standIn, 'securities.create', { catalogueSymbol: 'NVDA' }));
    const { mapping } = value<{ mapping: unknown }>(await call(standIn, 'prices.preview', { fileName: 'yahoo-download_NVDA.csv', contentBase64 }));
    const importing = call(standIn, 'prices.import', { fileName: 'yahoo-download_NVDA.csv', contentBase64, securityId: security.id, mapping, acceptValidRowsOnly: true });

    standIn.app.quit();
    expect(standIn.result.quit).toBe(false);
    await until(() => standIn.messageBoxes.length === 1, 'the question');
    expect(standIn.messageBoxes[0]!.options).toMatchObject({ message: 'Tickerline is still importing', buttons: ['Quit When Finished', 'Keep Working'] });
    standIn.messageBoxes[0]!.resolve(0);

    const summary = value<{ added: number }>(await importing);
    expect(summary.added).toBeGreaterThan(0);
    await until(() => standIn.result.quit, 'the quit');
    // The bars were committed and the main connection closed after them.
    const db = new DatabaseSync(join(standIn.app.getPath('userData'), 'tickerline.sqlite'), { readOnly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM price_bars WHERE security_id = ?').get(security.id) as { n: number };
    db.close();
    expect(n).toBe(summary.added);
  });

  it('during an import keeps working when the user says so', async () => {
    const standIn = await started();
    const contentBase64 = readFileSync(join(FIXTURES_DIR, 'prices', 'yahoo-download_JD.csv')).toString('base64');
    const security = value<{ id: number }>(await call(standIn, 'securities.create', { catalogueSymbol: 'JD' }));
    const { mapping } = value<{ mapping: unknown }>(await call(standIn, 'prices.preview', { fileName: 'yahoo-download_JD.csv', contentBase64 }));
    const importing = call(standIn, 'prices.import', { fileName: 'yahoo-download_JD.csv', contentBase64, securityId: security.id, mapping, acceptValidRowsOnly: true });
    standIn.app.quit();
    await until(() => standIn.messageBoxes.length === 1, 'the question');
    standIn.messageBoxes[0]!.resolve(1);
    expect((await importing).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(standIn.result.quit).toBe(false);
    expect((await call(standIn, 'system.info', {})).ok).toBe(true);
  });
});

describe('updates', () => {
  const prefsOf = (standIn: ElectronStandIn): Record<string, unknown> =>
    JSON.parse(readFileSync(join(standIn.app.getPath('userData'), 'updates.json'), 'utf8')) as Record<string, unknown>;

  it('Help ▸ Check for Updates… says when the app is current and lets the user opt in to the check at start', async () => {
    const standIn = await started();
    expect(standIn.menu!.getMenuItemById('updates-at-start')).toMatchObject({ type: 'checkbox', checked: false });
    standIn.menu!.getMenuItemById('check-for-updates')!.click!();
    await until(() => standIn.messageBoxes.length === 1, 'the answer');
    expect(standIn.messageBoxes[0]!.options).toMatchObject({ message: 'Tickerline is up to date', checkboxLabel: 'Check for updates automatically at start', checkboxChecked: false });
    standIn.messageBoxes[0]!.resolve(0, true);
    await until(() => prefsOf(standIn).checkAtStart === true, 'the saved choice');
    expect(updaterOf(standIn).downloads).toBe(0);
    // The menu's checkbox and Settings show the choice made in the dialog.
    expect(standIn.menu!.getMenuItemById('updates-at-start')).toMatchObject({ checked: true });
    expect(value(await call(standIn, 'updates.settings', {}))).toEqual({ desktop: true, installed: true, checkAtStart: true, version: '0.1.0', status: { state: 'idle' } });
  });

  it('Settings turns the check at start on and off (saved, and the menu follows) and starts a check', async () => {
    const standIn = await started({ latest: '0.2.0' });
    expect(value(await call(standIn, 'updates.settings', {}))).toEqual({ desktop: true, installed: true, checkAtStart: false, version: '0.1.0', status: { state: 'idle' } });
    expect(value(await call(standIn, 'updates.setCheckAtStart', { checkAtStart: true }))).toMatchObject({ checkAtStart: true });
    expect(prefsOf(standIn).checkAtStart).toBe(true);
    expect(standIn.menu!.getMenuItemById('updates-at-start')).toMatchObject({ checked: true });
    await call(standIn, 'updates.setCheckAtStart', { checkAtStart: false });
    expect(prefsOf(standIn).checkAtStart).toBe(false);
    expect(standIn.menu!.getMenuItemById('updates-at-start')).toMatchObject({ checked: false });

    expect(value(await call(standIn, 'updates.check', {}))).toEqual({ started: true });
    await until(() => standIn.messageBoxes.length === 1, 'the offer');
    expect(standIn.messageBoxes[0]!.options.message).toBe('Tickerline 0.2.0 is available');
    expect(updaterOf(standIn).downloads).toBe(0);
  });

  it('downloads only after the user agrees, shows progress, and closes the database before installing', async () => {
    const standIn = await started({ latest: '0.2.0' });
    standIn.windows[0]!.paint();
    standIn.menu!.getMenuItemById('check-for-updates')!.click!();
    await until(() => standIn.messageBoxes.length === 1, 'the offer');
    const offer = standIn.messageBoxes[0]!.options;
    expect(offer).toMatchObject({ message: 'Tickerline 0.2.0 is available', detail: 'You have version 0.1.0.\n\nFaster charts', buttons: ['Download', 'Skip This Version', 'Later'] });
    const updater = updaterOf(standIn);
    expect(updater.autoDownload).toBe(false);
    expect(updater.downloads).toBe(0);

    standIn.messageBoxes[0]!.resolve(0);
    await until(() => standIn.messageBoxes.length === 2, 'the install question');
    expect(updater.downloads).toBe(1);
    expect(standIn.windows[0]!.events.filter((e) => e.startsWith('progress:') || e.startsWith('title:'))).toEqual([
      'progress:0',
      'title:Tickerline — downloading update 0 %',
      'progress:0.25',
      'title:Tickerline — downloading update 25 %',
      'progress:1',
      'title:Tickerline — downloading update 100 %',
      'progress:-1',
      'title:Tickerline',
    ]);
    expect(standIn.messageBoxes[1]!.options).toMatchObject({ message: 'Tickerline 0.2.0 is ready to install', buttons: ['Restart and Install', 'Install When I Quit'] });
    // The window's notice followed the download: 0 %, 25 %, 100 %, then done.
    expect(pushed(standIn, 'updates.status')).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 25 },
      { state: 'downloading', version: '0.2.0', percent: 100 },
      { state: 'idle' },
    ]);
    standIn.messageBoxes[1]!.resolve(0);
    await until(() => standIn.result.quit, 'the quit for the install');
    expect(standIn.log.indexOf('updater.quitAndInstall')).toBeLessThan(standIn.log.indexOf('app:quit'));
    // The database was closed before the installer was started.
    const logText = readFileSync(join(standIn.app.getPath('userData'), 'logs', 'tickerline.log'), 'utf8');
    expect(logText.indexOf('closed the database to install an update')).toBeGreaterThan(-1);
    expect((await call(standIn, 'system.info', {})).ok).toBe(false);
  });

  it('“Install When I Quit” keeps working, tells the window, and lets the update install at quit', async () => {
    const standIn = await started({ latest: '0.2.0' });
    standIn.menu!.getMenuItemById('check-for-updates')!.click!();
    await until(() => standIn.messageBoxes.length === 1, 'the offer');
    standIn.messageBoxes[0]!.resolve(0);
    await until(() => standIn.messageBoxes.length === 2, 'the install question');
    expect(updaterOf(standIn).autoInstallOnAppQuit).toBe(false);
    standIn.messageBoxes[1]!.resolve(1);
    await until(() => (pushed(standIn, 'updates.status').at(-1) as { state?: string } | undefined)?.state === 'ready', 'the ready notice');
    expect(pushed(standIn, 'updates.status').at(-1)).toEqual({ state: 'ready', version: '0.2.0' });
    expect(updaterOf(standIn).autoInstallOnAppQuit).toBe(true);
    expect(standIn.result.quit).toBe(false);
    // A window opened later (a reload) learns it from Settings' call.
    expect(value<{ status: unknown }>(await call(standIn, 'updates.settings', {})).status).toEqual({ state: 'ready', version: '0.2.0' });

    // The window's “Restart to update”: the call answers, then the database closes and the installer runs.
    expect(await call(standIn, 'updates.install', {})).toEqual({ ok: true, value: { started: true } });
    await until(() => standIn.result.quit, 'the quit for the install');
    expect(standIn.log.indexOf('updater.quitAndInstall')).toBeLessThan(standIn.log.indexOf('app:quit'));
    const logText = readFileSync(join(standIn.app.getPath('userData'), 'logs', 'tickerline.log'), 'utf8');
    expect(logText.indexOf('closed the database to install an update')).toBeGreaterThan(-1);
    expect((await call(standIn, 'system.info', {})).ok).toBe(false);
  });

  it('“Restart to update” with nothing downloaded is refused and installs nothing', async () => {
    const standIn = await started({ latest: '0.2.0' });
    const refused = await call(standIn, 'updates.install', {});
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'No update is ready to install. Help ▸ Check for Updates… downloads one first.', key: 'errors:updates.nothingReady' } });
    expect(standIn.log).not.toContain('updater.quitAndInstall');
    expect(standIn.result.quit).toBe(false);
  });

  it('“Later” and “Skip This Version” download nothing; a skipped version is not offered at start again', async () => {
    const standIn = await started({ latest: '0.2.0' });
    standIn.menu!.getMenuItemById('check-for-updates')!.click!();
    await until(() => standIn.messageBoxes.length === 1, 'the offer');
    standIn.messageBoxes[0]!.resolve(1, true);
    await until(() => prefsOf(standIn).skippedVersion === '0.2.0', 'the skipped version');
    expect(updaterOf(standIn).downloads).toBe(0);

    const next = await started({ latest: '0.2.0', updatePreferences: { checkAtStart: true, skippedVersion: '0.2.0', lastCheckAt: null } });
    next.windows[0]!.paint();
    await until(() => updaterOf(next).checks === 1, 'the start-up check');
    await new Promise((r) => setTimeout(r, 30));
    expect(next.messageBoxes).toEqual([]);
  });

  it('checks at start only when the user opted in', async () => {
    const standIn = await started({ latest: '0.2.0' });
    standIn.windows[0]!.paint();
    await new Promise((r) => setTimeout(r, 30));
    expect(updaterOf(standIn).checks).toBe(0);

    const optedIn = await started({ latest: '0.2.0', updatePreferences: { checkAtStart: true, skippedVersion: null, lastCheckAt: null } });
    expect(optedIn.menu!.getMenuItemById('updates-at-start')).toMatchObject({ checked: true });
    optedIn.windows[0]!.paint();
    await until(() => optedIn.messageBoxes.length === 1, 'the offer at start');
    expect(optedIn.messageBoxes[0]!.options.message).toBe('Tickerline 0.2.0 is available');
  });
});
