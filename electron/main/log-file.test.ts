import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '@backend/testing/temp-backend';
import { openLogFile, scrub } from './log-file';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('log file', () => {
  it('writes one timestamped line per entry under <data>/logs, the home folder as ~', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const log = openLogFile(dir, { now: () => new Date('2026-12-04T21:00:00Z'), home: '/home/anna' });
    log.info('Tickerline 0.1.0 starting');
    log.error('backend call failed', Object.assign(new Error('disk I/O error at /home/anna/Tickerline/tickerline.sqlite'), { code: 'ERR_SQLITE_ERROR', stack: undefined }));
    expect(log.file).toBe(join(dir, 'logs', 'tickerline.log'));
    expect(readFileSync(log.file, 'utf8')).toBe(
      '2026-12-04T21:00:00.000Z INFO Tickerline 0.1.0 starting\n' +
        '2026-12-04T21:00:00.000Z ERROR backend call failed: Error: disk I/O error at ~/Tickerline/tickerline.sqlite [ERR_SQLITE_ERROR]\n',
    );
  });

  it('rotates by size and keeps only the newest generations', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    // Each line is 24 (timestamp) + 1 + 4 (INFO) + 1 + 10 (message) + 1 (\n) = 41 bytes; 100 bytes hold two.
    const log = openLogFile(dir, { maxBytes: 100, keep: 2, now: () => new Date('2026-12-04T21:00:00Z'), home: '/nowhere' });
    for (let i = 0; i < 7; i++) log.info(`message ${String(i).padStart(2, '0')}`);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['tickerline.1.log', 'tickerline.2.log', 'tickerline.log']);
    const lines = (name: string): string[] => readFileSync(join(dir, 'logs', name), 'utf8').trim().split('\n').map((l) => l.slice(-2));
    // 7 lines, two per file: 00 01 | 02 03 | 04 05 | 06 → the oldest pair (00 01) was dropped.
    expect(lines('tickerline.2.log')).toEqual(['02', '03']);
    expect(lines('tickerline.1.log')).toEqual(['04', '05']);
    expect(lines('tickerline.log')).toEqual(['06']);
  });

  it('keeps a forged line break inside its entry', () => {
    expect(scrub('bad\nINFO all fine', '/home/x')).toBe('bad\n    INFO all fine');
  });
});
