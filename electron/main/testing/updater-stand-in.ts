import { EventEmitter } from 'node:events';

/**
 * A stand-in for electron-updater's autoUpdater (the real one needs Electron and the
 * network): the feed's newest release is whatever the test sets, downloads report
 * progress at 25 % and 100 %, and quitAndInstall quits the app as the real one does.
 */
export function createUpdaterStandIn(options: { latest: string; releaseNotes?: string; quit: () => void; log: string[] }) {
  class AutoUpdater extends EventEmitter {
    autoDownload = true;
    autoInstallOnAppQuit = true;
    allowPrerelease = false;
    allowDowngrade = false;
    logger: unknown = null;
    checks = 0;
    downloads = 0;
    failCheck: Error | null = null;
    checkForUpdates(): Promise<{ updateInfo: { version: string; releaseNotes?: string } } | null> {
      this.checks++;
      options.log.push('updater.checkForUpdates');
      if (this.failCheck) return Promise.reject(this.failCheck);
      return Promise.resolve({ updateInfo: { version: options.latest, ...(options.releaseNotes ? { releaseNotes: options.releaseNotes } : {}) } });
    }
    async downloadUpdate(): Promise<string[]> {
      if (this.autoDownload) throw new Error('stand-in: the app must not let electron-updater download on its own');
      this.downloads++;
      options.log.push('updater.downloadUpdate');
      for (const percent of [25, 100]) {
        await new Promise((r) => setImmediate(r));
        this.emit('download-progress', { percent, total: 100, transferred: percent, delta: 25, bytesPerSecond: 1 });
      }
      return ['/tmp/Tickerline-update'];
    }
    quitAndInstall(): void {
      options.log.push('updater.quitAndInstall');
      options.quit();
    }
  }
  return new AutoUpdater();
}

export type UpdaterStandIn = ReturnType<typeof createUpdaterStandIn>;
