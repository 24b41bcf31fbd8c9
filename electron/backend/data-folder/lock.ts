import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { localizedError } from '@shared/domain/common/errors';

export const LOCK_FILE_NAME = 'tickerline.lock';

interface LockRecord {
  pid: number;
  /** When the holding process started (ms since epoch): a pid reused by a later process started after this. */
  startedAt: number;
  host: string;
}

export interface FolderLock {
  file: string;
  release(): void;
}

/** Folders this process holds, released on exit even when nobody calls release. */
const held = new Map<string, FolderLock>();
let exitHookInstalled = false;

/**
 * One Tickerline process per data folder. Two processes on one database lose
 * data: after a restore in one, the other keeps writing into the replaced file
 * and reports success. The lock is a file created exclusively (O_EXCL) holding
 * the owner's process id, start time and host. A lock whose process is gone
 * (crash, SIGKILL, power loss) is stale and taken over. The file is kept open
 * while held, which on Windows also stops other programs deleting it.
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const mine: LockRecord = { pid: process.pid, startedAt: Math.round(Date.now() - process.uptime() * 1000), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && isAlive(holder) && !(holder.pid === process.pid && !held.has(file))) {
        // The pid as text: it is an identifier, and interpolated numbers get thousands separators.
        throw localizedError('CONFLICT', 'errors:lock.inUse', { dataDir, pid: String(holder.pid) }, { dataDir, pid: holder.pid, host: holder.host });
      }
      // Stale: its process is gone (or it is our own leftover from an earlier run with this pid).
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(mine));
    const lock: FolderLock = {
      file,
      release() {
        if (!held.has(file)) return;
        held.delete(file);
        try {
          closeSync(fd);
        } finally {
          rmSync(file, { force: true });
        }
      },
    };
    held.set(file, lock);
    installExitHook();
    return lock;
  }
  throw localizedError('CONFLICT', 'errors:lock.starting', { dataDir }, { dataDir });
}

function readLock(file: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'number') return null;
    return { pid: parsed.pid, startedAt: parsed.startedAt, host: typeof parsed.host === 'string' ? parsed.host : '' };
  } catch {
    // Unreadable or half-written: its writer died between create and write, or it is not ours.
    return null;
  }
}

/**
 * Whether the lock's process still runs. A lock from another computer (a
 * shared folder) cannot be checked, so it counts as held. On Linux a process
 * that started after the lock was written merely reuses the old pid.
 */
export function isAlive(holder: LockRecord): boolean {
  if (holder.host !== '' && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = linuxStartTime(holder.pid);
  // Two seconds of slack: both start times are estimates (uptime and clock ticks).
  return started === null || started <= holder.startedAt + 2000;
}

/** A process's start time from /proc (Linux only), or null where that is not available. */
function linuxStartTime(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22, starttime, counted after the command name
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    if (!Number.isFinite(ticks) || !Number.isFinite(uptime)) return null;
    // USER_HZ is 100 on every Linux Node supports.
    return Date.now() - (uptime - ticks / 100) * 1000;
  } catch {
    return null;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of [...held.values()]) lock.release();
  });
}
