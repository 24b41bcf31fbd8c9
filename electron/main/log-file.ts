import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's log: <data folder>/logs/tickerline.log, rotated by size
 * (tickerline.log → tickerline.1.log → … → tickerline.<keep>.log, the oldest dropped),
 * so it never grows past about (keep + 1) × maxBytes. It records what went wrong
 * inside the app (codes, messages, stack traces) and never inputs: no file contents,
 * amounts or holdings; the user's home folder is written as "~" so a log can be sent
 * to support without the account name. No Electron import, so it is tested in Node.
 */
export const LOG_FILE_NAME = 'tickerline.log';

export interface LogFileOptions {
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  home?: string;
}

export interface LogFile {
  readonly dir: string;
  readonly file: string;
  info(message: string): void;
  error(context: string, error: unknown): void;
}

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** Text as it may go into the log: the home folder replaced, control characters flattened. */
export function scrub(text: string, home: string): string {
  let out = text;
  if (home.length > 1) out = out.split(home).join('~');
  // A message could carry a line break to forge log lines; keep one entry on one line (stacks indented).
  return out.replace(/\r/g, '').replace(/\n/g, '\n    ');
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && error.code !== undefined ? ` [${String(error.code)}]` : '';
    return `${error.stack ?? `${error.name}: ${error.message}`}${code}`;
  }
  return String(error);
}

export function openLogFile(dataDir: string, options: LogFileOptions = {}): LogFile {
  const dir = logsDir(dataDir);
  const file = join(dir, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const home = options.home ?? homedir();

  const rotated = (n: number): string => join(dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
  const rotateIfFull = (incoming: number): void => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size + incoming <= maxBytes) return;
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(file, rotated(1));
  };
  const write = (level: string, text: string): void => {
    const line = `${now().toISOString()} ${level} ${scrub(text, home)}\n`;
    try {
      mkdirSync(dir, { recursive: true });
      rotateIfFull(Buffer.byteLength(line));
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not turn a logged problem into a crash.
    }
  };
  return {
    dir,
    file,
    info: (message) => write('INFO', message),
    error: (context, error) => write('ERROR', `${context}: ${describeError(error)}`),
  };
}
