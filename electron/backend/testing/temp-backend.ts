import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend';

/** A backend on a fresh temporary data folder, for tests. */
export function tempBackend(today = '2026-11-26'): Backend & { dataDir: string; dispose(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'tickerline-test-'));
  const backend = createBackend({ dataDir, mode: 'test', appVersion: '0.0.0-test', today: () => today });
  // Object.assign keeps the backend's live `db` getter (a restore swaps the connection).
  return Object.assign(backend, {
    dataDir,
    dispose() {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tickerline-test-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
