import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const rendererOut = path.join(repoRoot, 'out/renderer');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
