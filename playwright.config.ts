import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Two projects run the same specs: `browser` drives the real backend through
 * browser mode in Chromium; `electron` drives the built desktop app and is
 * skipped, with its reason, where the Electron binary is not installed.
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const executablePath = chromiumPath();
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    // Without these Chromium keeps dialling Google services this machine cannot reach.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1360, height: 880 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: chromium },
    // Specs share the `browser` fixture's signature, so this project gets a Chromium too; it stays idle.
    { name: 'electron', use: chromium },
  ],
});
