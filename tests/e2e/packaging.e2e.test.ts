// Offline packaging check: electron-builder packs the app against a stand-in Electron folder
// (electronDist: a fake `electron` executable), the packed app.asar is opened and checked, and
// the packed main runs under the stand-in electron. The deb target needs fpm, which
// electron-builder downloads from GitHub; with no internet the deb's own metadata is checked
// from the config electron-builder reads (package.json + electron-builder.yml).
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './harness/paths';
import { expectHealthyStart } from './stand-in-electron/expect-start';
import { runMain } from './stand-in-electron/run-main';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string, options?: object): string[]; extractAll(file: string, dest: string): void };
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  deb?: { depends?: string[] };
  linux?: { maintainer?: string; desktop?: { entry?: Record<string, string> }; syncDesktopName?: boolean };
}

/** electron-builder's own default deb Depends, read from its typings' @default. */
async function defaultDebDepends(): Promise<string[]> {
  const typings = await readFile(require.resolve('app-builder-lib/out/options/linuxOptions.d.ts'), 'utf8');
  const debBlock = typings.slice(typings.indexOf('interface DebOptions'));
  const match = /@default (\[[^\]]*\])/.exec(debBlock);
  return JSON.parse(match![1]!) as string[];
}

describe('packaging metadata (what the deb and About panel are made from)', () => {
  it('package.json has a homepage, an author with email and a desktopName', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@/) });
    expect(pkg.desktopName).toBe('skimmer.desktop');
  });

  it("the deb declares electron-builder's default Depends (Electron's libraries) plus libsecret", async () => {
    const config = yaml.load(await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
    const defaults = await defaultDebDepends();
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'xdg-utils']));
    expect(config.deb?.depends).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0']));
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/);
    expect(config.linux?.syncDesktopName).toBe(true);
  });
});

describe('electron-builder --dir against a stand-in Electron', () => {
  let work: string;
  let unpacked: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'skimmer-pack-'));
    const electronDist = path.join(work, 'electron-dist');
    await mkdir(electronDist, { recursive: true });
    await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho stand-in electron\n');
    await chmod(path.join(electronDist, 'electron'), 0o755);
    await writeFile(path.join(electronDist, 'chrome-sandbox'), '');
    await writeFile(path.join(electronDist, 'version'), 'v45.4.1');
    const cli = require.resolve('electron-builder/cli.js');
    await run(
      process.execPath,
      [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${path.join(work, 'dist')}`],
      {
        cwd: repoRoot,
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        timeout: 120_000,
      },
    );
    unpacked = path.join(work, 'dist/linux-unpacked');
  }, 150_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs main, preload, renderer and package.json into app.asar, the demo mailbox beside it', async () => {
    const archive = path.join(unpacked, 'resources/app.asar');
    const files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
    for (const file of ['/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/package.json']) expect(files).toContain(file);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toContain('/node_modules/conf');
    expect(existsSync(path.join(unpacked, 'resources/demo/demo-mailbox.mbox'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'skimmer'))).toBe(true);
    // Native addons sit outside the archive, where Node can load them.
    expect(existsSync(path.join(unpacked, 'resources/app.asar.unpacked/node_modules/libsql'))).toBe(true);
    const extracted = path.join(work, 'app');
    asar.extractAll(archive, extracted);
    const packedPkg = JSON.parse(await readFile(path.join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packedPkg).toMatchObject({ name: 'skimmer', main: 'out/main/main.js', desktopName: 'skimmer.desktop' });
    expect(packedPkg.devDependencies).toBeUndefined();
  });

  it('the packed main starts under the stand-in electron, finding its renderer, preload and demo mail', async (context) => {
    // electron-builder walks node_modules to pack production dependencies; when node_modules is
    // a symlink to a tree outside the project (this machine's shared install) it cannot place
    // the transitive ones ("cannot find path for dependency": conf's dot-prop, for one) and the packed app would not load.
    const packed = asar.listPackage(path.join(unpacked, 'resources/app.asar'));
    if (lstatSync(path.join(repoRoot, 'node_modules')).isSymbolicLink() && !packed.some((f) => f.replace(/\\/g, '/') === '/node_modules/dot-prop')) {
      console.log('skipped: packed-main smoke: node_modules is a symlink here, electron-builder could not collect transitive dependencies');
      context.skip();
    }
    const extracted = path.join(work, 'app');
    if (!existsSync(extracted)) asar.extractAll(path.join(unpacked, 'resources/app.asar'), extracted);
    const runResult = await runMain(path.join(extracted, 'out/main/main.js'), { packaged: true, resourcesPath: path.join(unpacked, 'resources') });
    expect(runResult.calls.length, runResult.stderr.slice(0, 500)).toBeGreaterThan(0);
    expectHealthyStart(runResult);
  });
});

// fpm is a Ruby tool electron-builder downloads from GitHub (Debian packages no fpm, and
// rubygems is out of reach here): USE_SYSTEM_FPM=true makes it call tests/e2e/stand-in-fpm/fpm,
// which builds the .deb with dpkg-deb from exactly the arguments electron-builder gives fpm.
describe.skipIf(process.platform !== 'linux' || !hasCommand('dpkg-deb'))('electron-builder --linux deb (stand-in fpm)', () => {
  let work: string;
  let deb: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'skimmer-deb-'));
    const electronDist = path.join(work, 'electron-dist');
    await mkdir(electronDist, { recursive: true });
    await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho stand-in electron\n');
    await chmod(path.join(electronDist, 'electron'), 0o755);
    await writeFile(path.join(electronDist, 'chrome-sandbox'), '');
    const cli = require.resolve('electron-builder/cli.js');
    const standInFpm = path.join(repoRoot, 'tests/e2e/stand-in-fpm');
    await run(
      process.execPath,
      [cli, '--linux', 'deb', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${path.join(work, 'dist')}`],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          USE_SYSTEM_FPM: 'true',
          PATH: `${standInFpm}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
        },
        timeout: 120_000,
      },
    );
    deb = path.join(work, 'dist/skimmer_0.1.0_amd64.deb');
  }, 150_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('has the name, version, maintainer and the Depends Electron needs', async () => {
    const field = async (name: string) => (await run('dpkg-deb', ['-f', deb, name])).stdout.trim();
    expect(await field('Package')).toBe('skimmer');
    expect(await field('Version')).toBe('0.1.0');
    expect(await field('Maintainer')).toBe('Skimmer team <team@skimmer.app>');
    expect(await field('Homepage')).toMatch(/^https:\/\//);
    const depends = (await field('Depends')).split(/,\s*/);
    expect(depends).toEqual(expect.arrayContaining([...(await defaultDebDepends()), 'libsecret-1-0']));
  });

  it('installs the app, the AppArmor profile and a valid skimmer.desktop', async () => {
    const listing = (await run('dpkg-deb', ['-c', deb], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    expect(listing).toMatch(/\.\/opt\/Skimmer\/skimmer\n/);
    expect(listing).toMatch(/\.\/opt\/Skimmer\/resources\/apparmor-profile\n/);
    expect(listing).toMatch(/\.\/opt\/Skimmer\/resources\/app\.asar\n/);
    expect(listing).toMatch(/\.\/usr\/share\/applications\/skimmer\.desktop\n/);
    const extracted = path.join(work, 'deb');
    await run('dpkg-deb', ['-x', deb, extracted]);
    const desktop = path.join(extracted, 'usr/share/applications/skimmer.desktop');
    const entry = await readFile(desktop, 'utf8');
    expect(entry).toMatch(/^Exec=\/opt\/Skimmer\/skimmer %U$/m);
    expect(entry).toMatch(/^StartupWMClass=skimmer$/m);
    if (hasCommand('desktop-file-validate')) {
      const result = await run('desktop-file-validate', [desktop]).then(
        () => '',
        (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || 'failed',
      );
      expect(result).toBe('');
    } else {
      console.log('skipped: desktop-file-validate not installed (apt install desktop-file-utils)');
    }
  });
});

function hasCommand(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, name)));
}
