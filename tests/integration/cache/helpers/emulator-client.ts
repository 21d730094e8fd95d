/**
 * An authorised GmailApi for an emulator account: the consent flow played as a browser
 * would (tests/integration/emulator/helpers.ts), then a client with the refresh token only.
 */
import { OAuth2Client } from 'google-auth-library';
import type { EmulatorHandle } from '../../../../emulator/index';
import { GmailApi } from '../../../../main/gmail/gmail-api';
import { QuotaPacer } from '../../../../main/gmail/quota';
import { signIn } from '../../emulator/helpers';

export async function refreshTokenFor(emu: EmulatorHandle, account: string): Promise<string> {
  const { tokens } = await signIn(emu, account);
  if (!tokens.refresh_token) throw new Error('the emulator gave no refresh token');
  return tokens.refresh_token;
}

export function authorizedClient(emu: Pick<EmulatorHandle, 'clientId' | 'clientSecret' | 'endpoints'>, refreshToken: string): OAuth2Client {
  const client = new OAuth2Client({ clientId: emu.clientId, clientSecret: emu.clientSecret, endpoints: emu.endpoints });
  client.setCredentials({ refresh_token: refreshToken });
  return client;
}

export interface ApiOptions {
  /** Client-side pacing; default: effectively unlimited (the emulator's own quota still applies). */
  readonly unitsPerSecond?: number;
  readonly maxAttempts?: number;
}

export function gmailApiFor(
  emu: Pick<EmulatorHandle, 'clientId' | 'clientSecret' | 'endpoints' | 'gmailRootUrl'>,
  refreshToken: string,
  options: ApiOptions = {},
): GmailApi {
  return new GmailApi({
    auth: authorizedClient(emu, refreshToken),
    rootUrl: emu.gmailRootUrl,
    pacer: new QuotaPacer({ unitsPerSecond: options.unitsPerSecond ?? 1_000_000 }),
    maxAttempts: options.maxAttempts ?? 12,
  });
}
