import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
/** The key names electron-builder itself accepts (app-builder-lib's JSON schema). */
const scheme = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties: Record<string, unknown> }>;
};

type Target = string | { target: string; arch?: string[] };
const targetNames = (section: unknown): string[] =>
  ((section as { target: Target[] }).target ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows', () => {
    for (const key of Object.keys(config)) expect(Object.keys(scheme.properties), key).toContain(key);
    const sections: Record<string, string> = {
      electronFuses: 'FuseOptionsV1',
      linux: 'LinuxConfiguration',
      deb: 'DebOptions',
      win: 'WindowsConfiguration',
      nsis: 'NsisOptions',
      mac: 'MacConfiguration',
      dmg: 'DmgOptions',
      directories: 'MetadataDirectories',
    };
    for (const [section, definition] of Object.entries(sections)) {
      const known = Object.keys(scheme.definitions[definition]?.properties ?? {});
      for (const key of Object.keys(config[section] as object)) expect(known, `${section}.${key}`).toContain(key);
    }
  });

  it('identifies the app and packs it into an asar archive without sources', () => {
    expect(config).toMatchObject({ appId: 'app.tickerline.desktop', productName: 'Tickerline', asar: true });
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(files.some((f) => f.startsWith('!') && f.includes('electron,renderer,shared'))).toBe(true);
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: false, // no cookies; avoids Keychain prompts on unsigned macOS builds
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS, and dmg (+ the zip macOS updates install from), each with an icon that exists', () => {
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg', 'zip']);
    const icon = (section: string): string => (config[section] as { icon: string }).icon;
    expect(existsSync(join(ROOT, icon('win')))).toBe(true);
    expect(existsSync(join(ROOT, icon('mac')))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(join(ROOT, icon('linux'), `${size}x${size}.png`))).toBe(true);
  });

  it('has real icon files: PNG, ICO and ICNS signatures', () => {
    const head = (file: string, n: number): Buffer => readFileSync(join(ROOT, 'build', file)).subarray(0, n);
    expect(head('icons/1024x1024.png', 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(head('icon.ico', 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(head('icon.icns', 4).toString('latin1')).toBe('icns');
    // PNG width is the big-endian uint32 at byte 16: the 256 px file is really 256 px wide.
    expect(readFileSync(join(ROOT, 'build', 'icons', '256x256.png')).readUInt32BE(16)).toBe(256);
  });
});

describe('package metadata the Linux packages need', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('names a homepage, repository and maintainer (deb refuses to build without a homepage)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository).toMatchObject({ type: 'git' });
    expect(pkg.author).toMatchObject({ email: expect.stringContaining('@') });
    expect((config.linux as { maintainer?: string }).maintainer).toContain('@');
  });

  it('gives the window the class its launcher names (desktopName = executableName.desktop)', () => {
    const linux = config.linux as { executableName: string; syncDesktopName?: boolean };
    expect(pkg.desktopName).toBe(`${linux.executableName}.desktop`);
    expect(linux.syncDesktopName).toBe(true);
  });

  it("keeps electron-builder's deb scripts, which install the AppArmor profile that keeps the sandbox on", () => {
    expect(config.deb).not.toHaveProperty('afterInstall');
    expect(config.deb).not.toHaveProperty('appArmorProfile');
    expect(config.linux).not.toHaveProperty('executableArgs'); // no --no-sandbox baked into the launcher
  });

  it('builds the AppImage with the toolset whose launcher keeps the sandbox wherever user namespaces work', () => {
    const known = (scheme.definitions.ToolsetConfig?.properties.appimage as { anyOf?: { enum?: string[] }[] } | undefined)?.anyOf?.flatMap((a) => a.enum ?? []);
    expect(known).toContain('1.0.3');
    expect(config.toolsets).toEqual({ appimage: '1.0.3' });
    expect(config.appImage ?? {}).not.toHaveProperty('executableArgs');
  });

  it('leaves browser mode and the benchmark page out of the installer', async () => {
    expect(config.files).toEqual(expect.arrayContaining(['!out/main/web.js', '!out/renderer/bench.html']));
    // And the installer's build does not make them at all (electron-vite build --mode installer).
    const scripts = (pkg.scripts ?? {}) as Record<string, string>;
    expect(scripts.dist).toMatch(/^electron-vite build --mode installer && /);
    expect(scripts.release).toMatch(/^electron-vite build --mode installer && /);
    const { default: viteConfig } = await import('../../electron.vite.config');
    type Built = { main: { build: { rollupOptions: { input: Record<string, string> } } }; renderer: { build: { rolldownOptions: { input: Record<string, string> } } } };
    const inputs = (mode: string): string[] => {
      const c = (viteConfig as unknown as (env: { command: string; mode: string }) => Built)({ command: 'build', mode });
      return [...Object.keys(c.main.build.rollupOptions.input), ...Object.keys(c.renderer.build.rolldownOptions.input)];
    };
    expect(inputs('installer')).toEqual(['index', 'price-import-worker', 'transaction-import-worker', 'news-import-worker', 'index']);
    expect(inputs('production')).toEqual(['index', 'price-import-worker', 'transaction-import-worker', 'news-import-worker', 'web', 'index', 'bench']);
  });
});

describe('update feed', () => {
  it('publishes to GitHub releases as drafts, with the zip electron-updater needs on macOS', () => {
    expect(config.publish).toEqual({ provider: 'github', owner: 'tickerline', repo: 'tickerline', releaseType: 'draft' });
    const known = Object.keys(scheme.definitions.GithubOptions?.properties ?? {});
    for (const key of Object.keys(config.publish as object)) expect(known, `publish.${key}`).toContain(key);
    expect(targetNames(config.mac)).toEqual(['dmg', 'zip']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.dist).toContain('--publish never');
    expect(pkg.scripts.release).toContain('--publish always');
    // Loaded by the main process at run time, so it ships in the app's node_modules.
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['electron-updater', 'semver', 'zod']));
  });
});

describe('.github/workflows/ci.yml', () => {
  const ci = parse(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
    jobs: Record<string, { 'runs-on': string; needs?: string; strategy: { matrix: { os?: string[]; include?: { os: string }[] } }; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
  };
  const runs = (job: string): string[] => ci.jobs[job]!.steps.map((s) => s.run ?? '').filter(Boolean);

  it('tests on Linux, Windows and macOS with Node 24, the Electron specs under Xvfb on Linux', () => {
    const test = ci.jobs.test!;
    expect(test.strategy.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(test.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 24 });
    expect(runs('test')).toEqual(expect.arrayContaining(['npm ci', 'xvfb-run --auto-servernum -- npm test', 'npm test']));
    // Electron 42+ downloads its binary only when asked, after npm ci and before the tests.
    const steps = runs('test');
    expect(steps.indexOf('npx install-electron --no')).toBeGreaterThan(steps.indexOf('npm ci'));
    expect(steps.indexOf('npx install-electron --no')).toBeLessThan(steps.indexOf('npm test'));
  });

  it('builds the installers on each OS after the tests and uploads them', () => {
    const dist = ci.jobs.dist!;
    expect(dist.needs).toBe('test');
    expect(dist.strategy.matrix.include?.map((i) => i.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(runs('dist')).toEqual(expect.arrayContaining(['npm ci', 'npx install-electron --no', 'npm run dist']));
    expect(dist.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
