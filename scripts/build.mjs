// One command builds all three parts: the renderer (Vite), main (ESM) and the preload
// (one self-contained CommonJS file, as a sandboxed preload must be).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');

export async function buildAll({ quiet = false } = {}) {
  // Test runners set NODE_ENV=test; the app always ships React's production build.
  process.env.NODE_ENV = 'production';
  await rm(out, { recursive: true, force: true });
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'warn' : 'info' });
  await esbuild({
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: path.join(out, 'main/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    // Dependencies stay in node_modules (native addons can't be bundled); our code is inlined.
    packages: 'external',
    logLevel: quiet ? 'warning' : 'info',
  });
  await esbuild({
    entryPoints: [path.join(root, 'preload/preload.ts')],
    outfile: path.join(out, 'preload/preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    minify: true,
    legalComments: 'none',
    logLevel: quiet ? 'warning' : 'info',
  });
}

// The CLI as one ESM file next to the app's main bundle, built on demand by scripts/cli.mjs
// (`npm run cli`), not by buildAll: the packaged app doesn't ship it. Plain node starts it
// in a fraction of tsx's time.
export const CLI_BUNDLE = path.join(out, 'cli/cli.mjs');

export async function buildCli({ quiet = false } = {}) {
  await esbuild({
    entryPoints: [path.join(root, 'main/cli/cli.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    packages: 'external',
    logLevel: quiet ? 'warning' : 'info',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
}
