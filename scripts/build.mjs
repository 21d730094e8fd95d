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
  await bundleForNode('main/electron/main.ts', path.join(out, 'main/main.js'), quiet);
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

/** One ESM bundle of our code for Node (main process, CLI); dependencies stay in node_modules (native addons can't be bundled). */
function bundleForNode(entry, outfile, quiet, { split = false } = {}) {
  return esbuild({
    entryPoints: [path.join(root, entry)],
    // Split: dynamic imports become chunks beside the entry, loaded (with their packages) on use.
    ...(split
      ? {
          outdir: path.dirname(outfile),
          entryNames: path.basename(outfile, '.mjs'),
          chunkNames: 'chunks/[name]-[hash]',
          outExtension: { '.js': '.mjs' },
          splitting: true,
        }
      : { outfile }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    packages: 'external',
    logLevel: quiet ? 'warning' : 'info',
  });
}

export async function buildCli({ quiet = false } = {}) {
  // Chunks of an earlier build would pile up otherwise.
  await rm(path.dirname(CLI_BUNDLE), { recursive: true, force: true });
  await bundleForNode('main/cli/cli.ts', CLI_BUNDLE, quiet, { split: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
}
