import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'TICKERLINE_DATA_DIR';
const APP_FOLDER = 'Tickerline';

/**
 * Where the user's data lives: `--data-dir`, else $TICKERLINE_DATA_DIR, else the
 * platform's per-user app-data folder (the same one Electron calls userData), so
 * the desktop app and browser mode open the same database.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback?: string): string {
  return dataDirOverride(argv, env) ?? fallback ?? defaultUserDataDir(env);
}

/**
 * The folder named by `--data-dir` or $TICKERLINE_DATA_DIR as an absolute path
 * (`~` expanded, relative paths taken from the working directory), or undefined
 * when neither is given. Electron's app.setPath throws on a relative path, so
 * the desktop app must never hand it the raw value.
 */
export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string | undefined {
  const raw = argValue(argv, '--data-dir') || env[DATA_DIR_ENV];
  if (!raw) return undefined;
  return resolve(cwd, expandHome(raw));
}

function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(2));
  return path;
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1];
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
