import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker's code is, seen from the module that starts it (`callerUrl`: its
 * import.meta.url). Built (desktop app and browser mode): electron-vite emits the worker as
 * its own entry `builtName` (electron.vite.config.ts), beside the entries; the caller sits
 * either in that folder or in out/main/chunks/. In the packaged app the path is inside
 * app.asar: Electron's worker_threads load scripts (and their ES imports) from the archive by
 * path, so nothing needs unpacking. From source (vitest, the bench under tsx) the caller is
 * .ts and the worker is its sibling `sourceName`, compiled by tsx's loader.
 */
export function locateWorker(callerUrl: string, builtName: string, sourceName: string): { script: string; options: WorkerOptions } {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx')).href;
    return { script: join(dirname(here), sourceName), options: { execArgv: ['--import', tsx] } };
  }
  const candidates = [join(dirname(here), builtName), join(dirname(dirname(here)), builtName)];
  const script = candidates.find((c) => existsSync(c));
  if (script === undefined) throw new Error(`${builtName} is missing beside ${here}`);
  return { script, options: {} };
}
