import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../backend';
import { tempDir } from '../testing/temp-backend';
import { IDLE_RELEASE_MS } from './idle-release';
import { growYoungGeneration, youngGenerationMb } from './testing/young-generation';

describe('a backend made with releaseMemoryWhenIdle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands the grown young generation back 20 s after its last call, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const folder = tempDir();
    const backend = createBackend({ dataDir: folder.dir, mode: 'test', appVersion: '0.0.0-test', releaseMemoryWhenIdle: true });
    try {
      const info = await backend.dispatch('system.info', {});
      expect(info.ok).toBe(true);
      expect(growYoungGeneration(32)).toBeGreaterThanOrEqual(32);
      expect(IDLE_RELEASE_MS).toBe(20_000);
      vi.advanceTimersByTime(IDLE_RELEASE_MS - 1);
      expect(youngGenerationMb()).toBeGreaterThanOrEqual(32);
      vi.advanceTimersByTime(1);
      expect(youngGenerationMb()).toBeLessThanOrEqual(4);
    } finally {
      backend.close();
      folder.dispose();
    }
  });
});
