// `npm run cli -- …`: runs the built CLI (out/cli/cli.mjs) with plain node, rebuilding it
// first when a source file is newer (esbuild, well under a second), so it is never stale.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out/cli/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(...['main', 'common'].map((d) => newestSource(path.join(root, d))));
if (builtAt() < sources) {
  const { buildCli } = await import('./build.mjs');
  await buildCli({ quiet: true });
}
// The bundle runs its main() only when it is the script node was started with.
process.argv[1] = bundle;
await import(pathToFileURL(bundle).href);
