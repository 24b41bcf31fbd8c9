import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '@backend/backend';
import { argValue, resolveDataDir } from '@backend/data-dir';
import { startWebServer } from './server';

/**
 * `npm run web`: the unchanged UI in a normal browser against the real backend.
 * Flags: --port N (default: a free port), --data-dir DIR.
 */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = resolveDataDir(process.argv, process.env);
  const backend = createBackend({
    dataDir,
    mode: process.env.TICKERLINE_MODE === 'test' ? 'test' : 'browser',
    appVersion: process.env.npm_package_version ?? '0.1.0',
    warmUp: true,
    releaseMemoryWhenIdle: true,
  });
  const portArg = argValue(process.argv, '--port');
  const web = await startWebServer({
    backend,
    rendererDir: join(here, '..', 'renderer'),
    port: portArg ? Number(portArg) : 0,
  });
  // The only place the token is ever written: whoever can read this terminal may open the app.
  console.log(`Tickerline (browser mode) is running at ${web.loginUrl}`);
  console.log(`Data folder: ${dataDir}`);
  if (backend.recovery !== null) {
    console.log(`Your database ${backend.recovery.databaseFile} is damaged (${backend.recovery.problem}).`);
    console.log('Open the address above to restore a backup or start fresh; the damaged file will be kept.');
  }
  const stop = (): void => {
    void web.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
