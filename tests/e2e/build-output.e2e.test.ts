// What Electron will load, checked on the real build output (Electron itself can't run here).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness/paths';

const out = path.join(repoRoot, 'out');

describe('build output', () => {
  it('bundles the preload as one CommonJS file that requires only electron', async () => {
    const preload = await readFile(path.join(out, 'preload/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('builds main as an ES module that imports electron at run time', async () => {
    const main = await readFile(path.join(out, 'main/main.js'), 'utf8');
    expect(main).toMatch(/from ["']electron["']/);
    expect(main).toMatch(/registerSchemesAsPrivileged/);
  });

  it('ships the demo emulator in main without its test hooks', async () => {
    const main = await readFile(path.join(out, 'main/main.js'), 'utf8');
    expect(main).toContain('/o/oauth2/v2/auth'); // the demo's Google is there
    for (const hookMarker of ['handleHook', 'Test hooks answer loopback callers only', 'Unknown hook:', 'cannot expire its history']) {
      expect(main).not.toContain(hookMarker);
    }
  });

  it('ships a renderer page with no inline script', async () => {
    const html = await readFile(path.join(out, 'renderer/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body!.trim()).toBe('');
    }
  });
});
