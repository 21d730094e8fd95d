/**
 * The layer rules in eslint.config.js, run through ESLint's own API on small samples:
 * each boundary refuses a crossing and lets a legal import through.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const imports = '@typescript-eslint/no-restricted-imports';

describe('layer rules', () => {
  it.each([
    ['renderer imports main', 'renderer/src/sample.ts', "import { createAppServices } from '../../main/app-services';\nvoid createAppServices;\n"],
    ['renderer imports the emulator', 'renderer/src/sample.ts', "import { startEmulator } from '../../emulator/index';\nvoid startEmulator;\n"],
    ['renderer imports Node', 'renderer/src/sample.ts', "import { readFile } from 'node:fs/promises';\nvoid readFile;\n"],
    ['preload imports main', 'preload/sample.ts', "import { createIpcRouter } from '../main/ipc/router';\nvoid createIpcRouter;\n"],
    ['preload imports the renderer', 'preload/sample.ts', "import { api } from '../renderer/src/api';\nvoid api;\n"],
    ['main imports the renderer', 'main/services/sample.ts', "import { api } from '../../renderer/src/api';\nvoid api;\n"],
    ['main/electron imports the renderer', 'main/electron/sample.ts', "import { api } from '../../renderer/src/api';\nvoid api;\n"],
    ['the emulator imports main', 'emulator/server/sample.ts', "import { GmailApi } from '../../main/gmail/gmail-api';\nvoid GmailApi;\n"],
    ['the emulator imports the renderer', 'emulator/sample.ts', "import { api } from '../renderer/src/api';\nvoid api;\n"],
    ['common imports a Node module', 'common/sample.ts', "import os from 'os';\nvoid os;\n"],
    ['common imports a node: module', 'common/sample.ts', "import { createHash } from 'node:crypto';\nvoid createHash;\n"],
    ['common imports main', 'common/sample.ts', "import { ipcErrorFor } from '../main/ipc/error-codes';\nvoid ipcErrorFor;\n"],
    ['common imports electron', 'common/sample.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['main outside main/electron imports electron', 'main/services/sample.ts', "import { app } from 'electron';\nvoid app;\n"],
  ])('refuses: %s', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([imports]);
  });

  it.each([
    ['process', 'export const pid = process.pid;\n'],
    ['Buffer', "export const bytes = Buffer.from('a');\n"],
    ['window', 'export const width = window.innerWidth;\n'],
    ['document', 'export const title = document.title;\n'],
  ])('refuses %s in common/', async (_name, code) => {
    expect(await problems('common/sample.ts', code)).toEqual(['no-restricted-globals']);
  });

  it.each([
    ['renderer imports common', 'renderer/src/sample.ts', "import { requests } from '../../common/ipc';\nvoid requests;\n"],
    ['preload imports common', 'preload/sample.ts', "import { requests } from '../common/ipc';\nvoid requests;\n"],
    [
      'main imports common and the emulator',
      'main/services/sample.ts',
      "import { requests } from '../../common/ipc';\nimport { startEmulator } from '../../emulator/index';\nvoid requests;\nvoid startEmulator;\n",
    ],
    ['main imports a type from electron', 'main/services/sample.ts', "import type { App } from 'electron';\nexport type A = App;\n"],
    ['main/electron imports electron', 'main/electron/sample.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['preload.ts imports electron', 'preload/preload.ts', "import { contextBridge } from 'electron';\nvoid contextBridge;\n"],
    ['the emulator imports common', 'emulator/sample.ts', "import { parseGmailQuery } from '../common/gmail-query/parser';\nvoid parseGmailQuery;\n"],
    [
      'common uses what every process has',
      'common/sample.ts',
      "import { z } from 'zod';\nexport const ok = new TextDecoder().decode(new Uint8Array()) + z.string().parse(new URL('https://a.b/').href);\n",
    ],
  ])('allows: %s', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
