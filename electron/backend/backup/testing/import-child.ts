/**
 * Child process for the crash-safety test: opens the backend on a data folder
 * and imports a large price file through the real dispatcher (prices.preview,
 * then prices.import). Prints "import started" once the import's transaction
 * has written its first batch, so the parent can SIGKILL it mid-import.
 * Usage: node --import tsx import-child.ts <dataDir> <csvFile> <securityId>
 */
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { createBackend } from '../../backend';

const [dataDir = '', csvFile = '', securityId = ''] = process.argv.slice(2);
// writeSync: the line must reach the parent now, even while the import keeps the event loop busy.
const say = (line: string): void => void writeSync(1, `${line}\n`);

const backend = createBackend({ dataDir, mode: 'test', appVersion: '0.0.0-crash-test' });
let started = false;
backend.subscribe((event, payload) => {
  const p = payload as { phase?: string; done?: number };
  if (event === 'import.progress' && p.phase === 'saving' && (p.done ?? 0) > 0 && !started) {
    started = true;
    say('import started');
  }
});

const file = { fileName: basename(csvFile), contentBase64: readFileSync(csvFile).toString('base64') };
const preview = await backend.dispatch('prices.preview', file);
if (!preview.ok) {
  say(`preview failed: ${preview.error.message}`);
  process.exit(2);
}
const { mapping } = preview.value as { mapping: unknown };
const begun = Date.now();
const result = await backend.dispatch('prices.import', {
  ...file,
  securityId: Number(securityId),
  mapping,
  acceptValidRowsOnly: true,
});
say(result.ok ? `import finished in ${Date.now() - begun} ms` : `import failed: ${result.error.message}`);
backend.close();
