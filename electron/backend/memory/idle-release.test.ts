import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleRelease } from './idle-release';

describe('idleRelease', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const deferred = (): { promise: Promise<string>; resolve(value: string): void; reject(error: Error): void } => {
    let resolve!: (value: string) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };

  it('releases once, 1,000 ms after the last call settled, and not again until another call', async () => {
    const release = vi.fn();
    const idle = idleRelease(1_000, release);
    await expect(idle.track(async () => 'a')).resolves.toBe('a');
    await vi.advanceTimersByTimeAsync(999);
    expect(release).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(release).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(release).toHaveBeenCalledTimes(1);
    await idle.track(async () => 'b');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(release).toHaveBeenCalledTimes(2);
  });

  it('never releases while a call is in flight, and restarts the wait when a call comes in', async () => {
    const release = vi.fn();
    const idle = idleRelease(1_000, release);
    await idle.track(async () => 'short');
    await vi.advanceTimersByTimeAsync(600);
    const long = deferred();
    const running = idle.track(() => long.promise);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(release).not.toHaveBeenCalled();
    long.resolve('done');
    await expect(running).resolves.toBe('done');
    await vi.advanceTimersByTimeAsync(999);
    expect(release).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('waits for the last of overlapping calls, and counts failed calls as settled', async () => {
    const release = vi.fn();
    const idle = idleRelease(1_000, release);
    const first = deferred();
    const second = deferred();
    const a = idle.track(() => first.promise);
    const b = idle.track(() => second.promise);
    first.reject(new Error('no such file'));
    await expect(a).rejects.toThrow('no such file');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(release).not.toHaveBeenCalled();
    second.resolve('ok');
    await b;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(release).toHaveBeenCalledTimes(1);
    expect(() =>
      idle.track(() => {
        throw new Error('thrown before a promise');
      }),
    ).toThrow('thrown before a promise');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(release).toHaveBeenCalledTimes(2);
  });

  it('stop() cancels a pending release', async () => {
    const release = vi.fn();
    const idle = idleRelease(1_000, release);
    await idle.track(async () => 'a');
    idle.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(release).not.toHaveBeenCalled();
  });
});
