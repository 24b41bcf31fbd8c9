import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The smoke test runs the main process as it ships (out/main/index.js), so it
 * builds first when the bundle is missing or older than any source it is made of.
 * A fresh clone and CI therefore need no extra step; a warm tree pays nothing.
 */
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'testing') continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

export function ensureBuiltMain(root: string): string {
  const main = join(root, 'out', 'main', 'index.js');
  const sources = Math.max(...SOURCES.map((s) => newestSource(join(root, s))));
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  if (built < sources) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 180_000,
    });
  }
  return main;
}
