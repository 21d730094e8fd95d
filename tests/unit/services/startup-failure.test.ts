import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStartupFailure, handleStartupFailure } from '../../../main/services/startup-failure';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'skimmer-startup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('start-up failure', () => {
  it('keeps a copy of a corrupt settings.json, removes it and says so', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"googleClient": "tor');
    await writeFile(path.join(dir, 'accounts-google.json'), '{"accounts": []}');
    const message = await handleStartupFailure(new SyntaxError('Unexpected end of JSON input'), dir, new Date('2026-01-02T03:04:05.006Z'));
    const files = await readdir(dir);
    expect(files.sort()).toEqual(['accounts-google.json', 'settings.json.corrupt-2026-01-02T03-04-05-006Z']);
    expect(await readFile(path.join(dir, 'settings.json.corrupt-2026-01-02T03-04-05-006Z'), 'utf8')).toBe('{"googleClient": "tor');
    expect(message.title).toMatch(/settings/i);
    expect(message.content).toContain('settings.json.corrupt-2026-01-02T03-04-05-006Z');
    expect(message.content).toMatch(/default settings/);
  });

  it('names any other error and what to try', async () => {
    const message = await handleStartupFailure(new Error('EACCES: permission denied'), path.join(dir, 'missing'));
    expect(message.title).toBe('Skimmer could not start');
    expect(message.content).toContain('EACCES: permission denied');
    expect(message.content).toMatch(/Try opening it again/);
    expect(describeStartupFailure('odd', []).content).toContain('odd');
  });
});
