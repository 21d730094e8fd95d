import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { OAuth2ClientOptions } from 'google-auth-library';
import { SkimmerError } from '../../common/errors';
import { en } from '../i18n/en';
import { t } from '../i18n/translate';

export type OAuthClientKind = 'installed' | 'web' | 'demo';

/** Everything the sign-in flow and the API clients need to know about the OAuth client. */
export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  authUri: string;
  tokenUri: string;
  revokeUri: string;
  userinfoUri: string;
  /** Root for @googleapis/gmail's `rootUrl` (ends with '/'). */
  gmailRootUrl: string;
  kind: OAuthClientKind;
}

/** Google's real endpoints (reference §1.1). */
export const GOOGLE_ENDPOINTS = Object.freeze({
  authUri: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUri: 'https://oauth2.googleapis.com/token',
  revokeUri: 'https://oauth2.googleapis.com/revoke',
  userinfoUri: 'https://www.googleapis.com/oauth2/v2/userinfo',
  gmailRootUrl: 'https://gmail.googleapis.com/',
});

export class ClientConfigError extends SkimmerError {
  constructor(message: string) {
    super('invalid_request', message);
    this.name = 'ClientConfigError';
  }
}

const howTo = () => t('clientConfig.howTo');

const clientBlock = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  auth_uri: z.string().optional(),
  token_uri: z.string().optional(),
  redirect_uris: z.array(z.string()).optional(),
});

/** Old files carry the v1 authorize path; the library and Google's docs use v2. */
const GOOGLE_V1_AUTH = 'https://accounts.google.com/o/oauth2/auth';

/** Parse Google's `client_secret*.json` (top key `installed` or `web`). */
export function parseClientSecretJson(text: string): OAuthClientConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ClientConfigError(t('clientConfig.notJson', { howTo: howTo() }));
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new ClientConfigError(t('clientConfig.notClient', { howTo: howTo() }));
  }
  const obj = json as Record<string, unknown>;
  if (obj.type === 'service_account') {
    throw new ClientConfigError(t('clientConfig.serviceAccount', { howTo: howTo() }));
  }
  if (obj.type === 'authorized_user' || obj.type === 'external_account') {
    throw new ClientConfigError(t('clientConfig.credentialsFile', { type: String(obj.type), howTo: howTo() }));
  }
  const kind = 'installed' in obj ? 'installed' : 'web' in obj ? 'web' : null;
  if (!kind) {
    throw new ClientConfigError(t('clientConfig.noSection', { howTo: howTo() }));
  }
  const parsed = clientBlock.safeParse(obj[kind]);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new ClientConfigError(t('clientConfig.incomplete', { kind, fields, howTo: howTo() }));
  }
  const b = parsed.data;
  const authUri = b.auth_uri && b.auth_uri !== GOOGLE_V1_AUTH ? checkUrl(b.auth_uri, 'auth_uri', false) : GOOGLE_ENDPOINTS.authUri;
  const tokenUri = b.token_uri ? checkUrl(b.token_uri, 'token_uri', false) : GOOGLE_ENDPOINTS.tokenUri;
  return {
    clientId: b.client_id,
    clientSecret: b.client_secret,
    authUri,
    tokenUri,
    revokeUri: GOOGLE_ENDPOINTS.revokeUri,
    userinfoUri: GOOGLE_ENDPOINTS.userinfoUri,
    gmailRootUrl: GOOGLE_ENDPOINTS.gmailRootUrl,
    kind,
  };
}

export async function loadClientSecretFile(path: string): Promise<OAuthClientConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ClientConfigError(t('clientConfig.unreadable', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  return parseClientSecretJson(text);
}

/** `SKIMMER_CLIENT_ID` / `SKIMMER_CLIENT_SECRET` with Google's real endpoints, or null when unset. */
export function clientConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OAuthClientConfig | null {
  const clientId = env.SKIMMER_CLIENT_ID?.trim();
  const clientSecret = env.SKIMMER_CLIENT_SECRET?.trim();
  if (!clientId && !clientSecret) return null;
  if (!clientId || !clientSecret) {
    throw new ClientConfigError('Set both SKIMMER_CLIENT_ID and SKIMMER_CLIENT_SECRET (Google requires the secret even for Desktop clients).');
  }
  return { clientId, clientSecret, ...GOOGLE_ENDPOINTS, kind: 'installed' };
}

const emulatorInfo = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  authUri: z.string(),
  tokenUri: z.string(),
  revokeUri: z.string(),
  userinfoUri: z.string(),
  gmailRootUrl: z.string(),
});

/**
 * The emulator's JSON line (what `npm run emulator` writes to its `--server` file / stdout):
 * `{ baseUrl, authUri, tokenUri, revokeUri, userinfoUri, gmailRootUrl, clientId, clientSecret, ... }`.
 * Accepts a whole file: the last line that parses wins. Endpoints must be on loopback.
 */
export function parseEmulatorServerInfo(text: string): OAuthClientConfig {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'));
  const candidates = lines.length ? lines.reverse() : [text];
  let lastIssue = 'no JSON object found';
  for (const line of candidates) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      lastIssue = 'invalid JSON';
      continue;
    }
    const r = emulatorInfo.safeParse(json);
    if (!r.success) {
      lastIssue = `missing ${r.error.issues.map((i) => i.path.join('.')).join(', ')}`;
      continue;
    }
    const d = r.data;
    return {
      clientId: d.clientId,
      clientSecret: d.clientSecret,
      authUri: checkUrl(d.authUri, 'authUri', true),
      tokenUri: checkUrl(d.tokenUri, 'tokenUri', true),
      revokeUri: checkUrl(d.revokeUri, 'revokeUri', true),
      userinfoUri: checkUrl(d.userinfoUri, 'userinfoUri', true),
      gmailRootUrl: withSlash(checkUrl(d.gmailRootUrl, 'gmailRootUrl', true)),
      kind: 'demo',
    };
  }
  throw new ClientConfigError(`Not an emulator server description (${lastIssue}). Start one with \`npm run emulator\`.`);
}

export async function loadEmulatorServerFile(path: string): Promise<OAuthClientConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ClientConfigError(`Can't read the emulator server file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseEmulatorServerInfo(text);
}

/** From an object shaped like `startEmulator()`'s result (tests, the demo mode). */
export function clientConfigFromEmulator(info: z.input<typeof emulatorInfo>): OAuthClientConfig {
  return parseEmulatorServerInfo(JSON.stringify(info));
}

/** The `endpoints` option of google-auth-library's OAuth2Client for this config. */
export function oauth2Endpoints(config: OAuthClientConfig): NonNullable<OAuth2ClientOptions['endpoints']> {
  return {
    oauth2AuthBaseUrl: config.authUri,
    oauth2TokenUrl: config.tokenUri,
    oauth2RevokeUrl: config.revokeUri,
  };
}

/** The message the app shows when no client is configured. */
export const NO_CLIENT_HELP =
  `Skimmer needs an OAuth client to talk to Google. ${en['clientConfig.howTo']} Then import that file in Skimmer, ` +
  'or set SKIMMER_CLIENT_ID and SKIMMER_CLIENT_SECRET, or try the demo.';

function checkUrl(value: string, field: string, loopbackOnly: boolean): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ClientConfigError(`"${field}" is not a URL: ${value}`);
  }
  const loopback = u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost';
  if (loopbackOnly) {
    if (!loopback || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
      throw new ClientConfigError(`"${field}" must be an http URL on 127.0.0.1 for the emulator: ${value}`);
    }
  } else if (u.protocol !== 'https:' && !(loopback && u.protocol === 'http:')) {
    throw new ClientConfigError(`"${field}" must be an https URL: ${value}`);
  }
  return u.toString();
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
