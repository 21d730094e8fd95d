// The demo's emulator (emulator/shipped.ts) is the same Google without the test hooks.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { startShippedEmulator } from '../../../emulator/shipped';

describe('the shipped emulator', () => {
  let emulator: EmulatorHandle | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
  });

  it('answers OAuth and avatars but no test hook', async () => {
    emulator = await startShippedEmulator({ mail: [], account: 'demo@skimmer.example' });
    expect((await fetch(`${emulator.baseUrl}/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${emulator.baseUrl}/__emulator/avatar/demo%40skimmer.example.svg`)).status).toBe(200);
    for (const hook of ['/info', '/faults', '/accounts']) expect((await fetch(`${emulator.hooksUrl}${hook}`)).status).toBe(404);
    const revoke = await fetch(`${emulator.hooksUrl}/tokens/revoke`, { method: 'POST', body: '{}' });
    expect(revoke.status).toBe(404);
  });

  it('differs from the test emulator only there', async () => {
    emulator = await startEmulator({ mail: [], account: 'demo@skimmer.example' });
    expect((await fetch(`${emulator.hooksUrl}/info`)).status).toBe(200);
  });
});
