// Is a real Secret Service reachable? Keychain tests FAIL when SKIMMER_REQUIRE_KEYRING=1
// (scripts/with-keyring.sh sets it) and it isn't; otherwise they skip and say why.
import { AsyncEntry } from '@napi-rs/keyring';

export const REQUIRE_KEYRING = process.env.SKIMMER_REQUIRE_KEYRING === '1';

export async function probeSecretService(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const entry = new AsyncEntry('SkimmerTestProbe', `probe-${process.pid}-${Date.now()}`, { linux: { store: 'secret-service' } });
    await entry.setPassword('probe');
    const back = await entry.getPassword();
    await entry.deletePassword();
    return back === 'probe' ? { ok: true } : { ok: false, reason: 'the Secret Service did not return what was stored' };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Call at module top level: returns whether keychain tests should run (and prints why not). */
export async function keyringGate(suite: string): Promise<{ run: boolean; status: { ok: boolean; reason?: string } }> {
  const status = await probeSecretService();
  if (!status.ok && !REQUIRE_KEYRING) {
    console.warn(
      `[${suite}] SKIPPED: no Secret Service reachable (${status.reason}). ` +
        'Run under scripts/with-keyring.sh (sets SKIMMER_REQUIRE_KEYRING=1 so this fails instead of skipping).',
    );
  }
  return { run: status.ok || REQUIRE_KEYRING, status };
}
