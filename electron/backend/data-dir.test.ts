import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirOverride, defaultUserDataDir, resolveDataDir } from './data-dir';

describe('data folder', () => {
  const cwd = join('/', 'work', 'here');

  it('takes --data-dir before $TICKERLINE_DATA_DIR, both made absolute', () => {
    expect(dataDirOverride(['node', 'app', '--data-dir', 'a/b'], { TICKERLINE_DATA_DIR: '/env' }, cwd)).toBe(join(cwd, 'a', 'b'));
    expect(dataDirOverride(['node', 'app', '--data-dir=../c'], {}, cwd)).toBe(join('/', 'work', 'c'));
    expect(dataDirOverride(['node', 'app'], { TICKERLINE_DATA_DIR: 'rel' }, cwd)).toBe(join(cwd, 'rel'));
    expect(dataDirOverride(['node', 'app'], {}, cwd)).toBeUndefined();
    // An empty value is no choice (Electron's setPath would refuse it).
    expect(dataDirOverride(['node', 'app', '--data-dir='], { TICKERLINE_DATA_DIR: '' }, cwd)).toBeUndefined();
  });

  it('expands ~ to the home folder', () => {
    expect(dataDirOverride(['x', '--data-dir=~'], {}, cwd)).toBe(homedir());
    expect(dataDirOverride(['x'], { TICKERLINE_DATA_DIR: '~/Portfolio data' }, cwd)).toBe(join(homedir(), 'Portfolio data'));
    // "~name" is not this user's home; it stays a relative folder name.
    expect(dataDirOverride(['x', '--data-dir', '~other'], {}, cwd)).toBe(join(cwd, '~other'));
  });

  it('browser mode resolves the same way, else the platform folder', () => {
    expect(resolveDataDir(['x', '--data-dir', '~/t'], {})).toBe(join(homedir(), 't'));
    expect(resolveDataDir(['x'], {}, '/fallback')).toBe('/fallback');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Tickerline'));
  });
});
