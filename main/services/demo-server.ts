/**
 * The demo mailbox: the embedded Google emulator on 127.0.0.1, started on first use.
 * Signing in to it runs the very same loopback flow as Google, consent page included.
 */
import { clientConfigFromEmulator, type OAuthClientConfig } from '../auth/client-config';
import type { EmulatorHandle } from '../../emulator/shipped';

export interface DemoServerOptions {
  /** Mail to serve; default: the demo mailbox shipped with the app. */
  readonly mail?: string[];
  /** Several demo accounts, each with its own mail (tests of the unified inbox). */
  readonly accounts?: { readonly email: string; readonly mail: string[] }[];
}

export class DemoServer {
  private handle: Promise<EmulatorHandle> | null = null;

  constructor(private readonly options: DemoServerOptions = {}) {}

  async clientConfig(): Promise<OAuthClientConfig> {
    const emulator = await this.start();
    return clientConfigFromEmulator(emulator.info);
  }

  start(): Promise<EmulatorHandle> {
    // The shipped entry: the emulator without its test hooks.
    this.handle ??= import('../../emulator/shipped').then(({ startShippedEmulator }) =>
      startShippedEmulator(
        this.options.accounts ? { accounts: this.options.accounts } : this.options.mail ? { mail: this.options.mail, account: 'demo@skimmer.example' } : {},
      ),
    );
    return this.handle;
  }

  /** Gives the freshly started emulator back the grant of an earlier run (see restoreGrant). */
  async restoreGrant(email: string, refreshToken: string, scopes: string[]): Promise<boolean> {
    return (await this.start()).restoreGrant(email, refreshToken, scopes);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }
}
