/**
 * Child process for the folder-lock test: opens the backend on a data folder,
 * prints "ready" and keeps it open until killed, or prints the error it got.
 * Usage: node --import tsx hold-folder.ts <dataDir>
 */
import { writeSync } from 'node:fs';
import { createBackend } from '../../backend';

const [dataDir = ''] = process.argv.slice(2);
try {
  const backend = createBackend({ dataDir, mode: 'test', appVersion: '0.0.0-lock-test' });
  // The handler is in place before the parent hears "ready" and may send SIGTERM.
  process.on('SIGTERM', () => {
    backend.close();
    process.exit(0);
  });
  writeSync(1, 'ready\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
}
