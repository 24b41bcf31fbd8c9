import { EventEmitter } from 'node:events';
import { isAbsolute } from 'node:path';

/**
 * A recording stand-in for the `electron` module, so the built main process
 * (out/main/index.js) runs under plain Node in vitest (electron/main/main-process.test.ts).
 * It models only what Tickerline's main process calls, with the rules of Electron 45
 * that a real run depends on: app.setPath refuses relative paths, privileged schemes
 * must be registered before `ready`, protocol.handle only works after it, quitting
 * emits before-quit → window close → will-quit → quit and any of them can be
 * prevented. Anything not modelled throws, so new main-process code cannot pass
 * here by accident. Test-only: never imported by shipped code.
 */

export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventable(): PreventableEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Property reads of anything not modelled fail loudly, naming the missing API. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key in obj) return Reflect.get(obj, key, receiver) as unknown;
      throw new Error(`electron stand-in: ${name}.${key} is not modelled`);
    },
  });
}

export interface StandInOptions {
  /** userData before any override (a temp folder in tests). */
  userData: string;
  singleInstanceLock?: boolean;
  isPackaged?: boolean;
  version?: string;
  /** Command-line switches Chromium saw (app.commandLine.hasSwitch). */
  switches?: string[];
  /** The OS's preferred languages (app.getPreferredSystemLanguages); English (UK) unless given. */
  systemLanguages?: string[];
}

type Handler = (...args: never[]) => unknown;

export interface MenuItemLike {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  visible?: boolean;
  enabled?: boolean;
  submenu?: MenuItemLike[];
  click?: (...args: unknown[]) => void;
}

export interface MessageBoxCall {
  options: { type?: string; title?: string; message: string; detail?: string; buttons?: string[]; defaultId?: number; cancelId?: number; checkboxLabel?: string; checkboxChecked?: boolean };
  resolve(response: number, checkboxChecked?: boolean): void;
}

export function createElectronStandIn(options: StandInOptions) {
  const log: string[] = [];
  const note = (entry: string): void => {
    log.push(entry);
  };
  let ready = false;
  let quitting = false;
  let resolveReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const paths = new Map<string, string>([
    ['userData', options.userData],
    ['home', options.userData],
    ['logs', `${options.userData}/logs`],
  ]);
  const result = { exitCode: undefined as number | undefined, quit: false };

  class App extends EventEmitter {
    readonly isPackaged = options.isPackaged ?? true;
    readonly commandLine = strict('app.commandLine', {
      hasSwitch: (name: string) => (options.switches ?? []).includes(name),
      appendSwitch: (name: string) => note(`app.commandLine.appendSwitch:${name}`),
    });
    setPath(name: string, path: string): void {
      // Electron: "Path must be absolute" (thrown synchronously, here at the top level of main).
      if (!isAbsolute(path)) throw new Error(`Path must be absolute: ${path}`);
      note(`app.setPath:${name}`);
      paths.set(name, path);
    }
    getPath(name: string): string {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`electron stand-in: app.getPath('${name}') is not modelled`);
      return path;
    }
    getVersion(): string {
      return options.version ?? '0.1.0';
    }
    getPreferredSystemLanguages(): string[] {
      return options.systemLanguages ?? ['en-GB'];
    }
    getName(): string {
      return 'Tickerline';
    }
    requestSingleInstanceLock(): boolean {
      note('app.requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    whenReady(): Promise<void> {
      return whenReady;
    }
    isReady(): boolean {
      return ready;
    }
    setAppUserModelId(id: string): void {
      note(`app.setAppUserModelId:${id}`);
    }
    quit(): void {
      note('app.quit');
      const before = preventable();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      quitting = true;
      for (const win of [...windows]) {
        win.close();
        if (!win.isDestroyed()) {
          quitting = false;
          return; // a window refused to close: Electron cancels the quit
        }
      }
      const will = preventable();
      this.emit('will-quit', will);
      if (will.defaultPrevented) {
        quitting = false;
        return;
      }
      result.quit = true;
      note('app:quit');
      this.emit('quit', preventable(), 0);
    }
    exit(code = 0): void {
      note(`app.exit:${code}`);
      result.exitCode = code;
    }
    focus(): void {
      note('app.focus');
    }
  }
  const app = new App();

  class WebContents extends EventEmitter {
    static nextId = 1;
    readonly id = WebContents.nextId++;
    readonly sent: { channel: string; args: unknown[] }[] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    destroyed = false;
    send(channel: string, ...args: unknown[]): void {
      this.sent.push({ channel, args });
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const windows: StandInWindow[] = [];

  class StandInWindow extends EventEmitter {
    static getAllWindows(): StandInWindow[] {
      return [...windows];
    }
    static getFocusedWindow(): StandInWindow | null {
      return windows[0] ?? null;
    }
    readonly options: Record<string, unknown>;
    readonly webContents: WebContents;
    readonly events: string[] = [];
    url: string | undefined;
    private destroyed = false;
    private maximized = false;
    private minimized = false;
    private visible = false;

    constructor(windowOptions: Record<string, unknown>) {
      super();
      if (!ready) throw new Error('electron stand-in: BrowserWindow created before ready');
      this.options = windowOptions;
      this.webContents = strict('webContents', new WebContents());
      windows.push(this);
      note('new BrowserWindow');
      app.emit('web-contents-created', preventable(), this.webContents);
      app.emit('browser-window-created', preventable(), this);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      this.events.push(`loadURL:${url}`);
      return Promise.resolve();
    }
    /** What Electron does once the first paint is ready. */
    paint(): void {
      this.emit('ready-to-show');
    }
    show(): void {
      this.visible = true;
      this.events.push('show');
    }
    isVisible(): boolean {
      return this.visible;
    }
    maximize(): void {
      this.maximized = true;
      this.events.push('maximize');
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    minimize(): void {
      this.minimized = true;
    }
    restore(): void {
      this.minimized = false;
      this.events.push('restore');
    }
    focus(): void {
      this.events.push('focus');
    }
    setProgressBar(fraction: number): void {
      this.events.push(`progress:${fraction}`);
    }
    setTitle(title: string): void {
      this.events.push(`title:${title}`);
    }
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return { x: 10, y: 20, width: Number(this.options.width ?? 800), height: Number(this.options.height ?? 600) };
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      if (this.destroyed) return;
      const event = preventable();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
      // As in Electron: not emitted while app.quit() closes the windows.
      if (windows.length === 0 && !quitting) app.emit('window-all-closed');
    }
  }

  class StandInMenu {
    constructor(readonly template: MenuItemLike[]) {}
    get items(): MenuItemLike[] {
      const out: MenuItemLike[] = [];
      const walk = (list: MenuItemLike[]): void => {
        for (const item of list) {
          out.push(item);
          if (Array.isArray(item.submenu)) walk(item.submenu);
        }
      };
      walk(this.template);
      return out;
    }
    getMenuItemById(id: string): MenuItemLike | null {
      return this.items.find((i) => i.id === id) ?? null;
    }
  }
  let applicationMenu: StandInMenu | null = null;
  const Menu = strict('Menu', {
    buildFromTemplate: (template: MenuItemLike[]) => new StandInMenu(template),
    setApplicationMenu: (menu: StandInMenu | null) => {
      note('Menu.setApplicationMenu');
      applicationMenu = menu;
    },
    getApplicationMenu: () => applicationMenu,
  });

  /** Paths the next open dialogs "pick", in order; an empty queue cancels. */
  const openDialogAnswers: string[][] = [];
  const openDialogCalls: Record<string, unknown>[] = [];
  const messageBoxes: MessageBoxCall[] = [];
  /** Buttons the next message boxes "click", in order; without an answer the box stays open. */
  const messageBoxAnswers: number[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const lastArg = (args: unknown[]): Record<string, unknown> => args[args.length - 1] as Record<string, unknown>;
  const dialog = strict('dialog', {
    showOpenDialog: (...args: unknown[]) => {
      openDialogCalls.push(lastArg(args));
      const picked = openDialogAnswers.shift();
      return Promise.resolve(picked ? { canceled: false, filePaths: picked } : { canceled: true, filePaths: [] });
    },
    showMessageBox: (...args: unknown[]) =>
      new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => {
        const call: MessageBoxCall = {
          options: lastArg(args) as unknown as MessageBoxCall['options'],
          resolve: (response, checkboxChecked = false) => resolve({ response, checkboxChecked }),
        };
        messageBoxes.push(call);
        const answer = messageBoxAnswers.shift();
        if (answer !== undefined) call.resolve(answer);
      }),
    showErrorBox: (title: string, content: string) => {
      note('dialog.showErrorBox');
      errorBoxes.push({ title, content });
    },
  });

  class Session extends EventEmitter {
    permissionRequestHandler: Handler | undefined;
    permissionCheckHandler: Handler | undefined;
    setPermissionRequestHandler(handler: Handler): void {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: Handler): void {
      this.permissionCheckHandler = handler;
    }
  }
  const defaultSession = new Session();
  const session = strict('session', {
    get defaultSession() {
      if (!ready) throw new Error('electron stand-in: session.defaultSession used before ready');
      return defaultSession;
    },
  });

  const opened: { external: string[]; paths: string[] } = { external: [], paths: [] };
  const shell = strict('shell', {
    openExternal: (url: string) => {
      opened.external.push(url);
      return Promise.resolve();
    },
    openPath: (path: string) => {
      opened.paths.push(path);
      return Promise.resolve('');
    },
    showItemInFolder: (path: string) => {
      opened.paths.push(path);
    },
  });

  const schemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = strict('protocol', {
    registerSchemesAsPrivileged: (list: { scheme: string; privileges?: Record<string, boolean> }[]) => {
      // Electron ignores (and warns about) registrations after ready; a real run would then lack the scheme.
      if (ready) throw new Error('electron stand-in: registerSchemesAsPrivileged after ready');
      note('protocol.registerSchemesAsPrivileged');
      schemes.push(...list);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      if (!ready) throw new Error('electron stand-in: protocol.handle before ready');
      note(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  });

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = strict('ipcMain', {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      note(`ipcMain.handle:${channel}`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      ipcHandlers.delete(channel);
    },
  });

  const nativeTheme = strict('nativeTheme', { shouldUseDarkColors: false, themeSource: 'system' });
  const screen = strict('screen', {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  });

  const module = {
    app: strict('app', app),
    BrowserWindow: StandInWindow,
    Menu,
    dialog,
    session,
    shell,
    protocol,
    ipcMain,
    nativeTheme,
    screen,
  };

  return {
    module,
    app,
    log,
    result,
    windows,
    Window: StandInWindow,
    schemes,
    openDialogAnswers,
    openDialogCalls,
    messageBoxes,
    messageBoxAnswers,
    errorBoxes,
    defaultSession,
    opened,
    get menu(): StandInMenu | null {
      return applicationMenu;
    },
    /** Fires `ready` as Electron does once Chromium is up. */
    async ready(): Promise<void> {
      ready = true;
      note('ready');
      app.emit('ready', preventable(), {});
      resolveReady();
      // Let whenReady().then(...) chains run.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    },
    /** An app:// request as Chromium would hand it to the registered handler. */
    async request(url: string): Promise<Response> {
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`no handler for ${scheme}:`);
      return handler(new Request(url));
    },
    /** An ipcRenderer.invoke from a frame at `url` (top level unless `parent`). */
    invoke(channel: string, frame: { url: string; parent?: unknown }, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`no ipcMain handler for ${channel}`);
      const event = { senderFrame: { url: frame.url, parent: frame.parent ?? null }, sender: windows[0]?.webContents };
      return Promise.resolve(handler(event, ...args));
    },
    ipcChannels: (): string[] => [...ipcHandlers.keys()],
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
