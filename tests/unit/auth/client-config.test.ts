import { describe, it, expect } from 'vitest';
import {
  ClientConfigError,
  GOOGLE_ENDPOINTS,
  clientConfigFromEnv,
  oauth2Endpoints,
  parseClientSecretJson,
  parseEmulatorServerInfo,
} from '../../../main/auth/client-config';

const installed = {
  installed: {
    client_id: '1234-abc.apps.googleusercontent.com',
    project_id: 'p',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_secret: 'GOCSPX-xxxx',
    redirect_uris: ['http://localhost'],
  },
};

describe('parseClientSecretJson', () => {
  it('reads a Desktop ("installed") client with Google endpoints (v1 auth path mapped to v2)', () => {
    const c = parseClientSecretJson(JSON.stringify(installed));
    expect(c).toEqual({
      clientId: '1234-abc.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-xxxx',
      ...GOOGLE_ENDPOINTS,
      kind: 'installed',
    });
    expect(c.authUri).toBe('https://accounts.google.com/o/oauth2/v2/auth');
  });

  it('reads a "web" client', () => {
    const c = parseClientSecretJson(JSON.stringify({ web: { ...installed.installed, javascript_origins: [] } }));
    expect(c.kind).toBe('web');
  });

  it('explains a service-account key', () => {
    expect(() => parseClientSecretJson(JSON.stringify({ type: 'service_account', private_key: 'x', client_email: 'a@b' }))).toThrow(/service-account key/);
  });

  it('explains other files clearly', () => {
    expect(() => parseClientSecretJson('not json')).toThrow(ClientConfigError);
    expect(() => parseClientSecretJson('[]')).toThrow(/not an OAuth client file/);
    expect(() => parseClientSecretJson(JSON.stringify({ foo: 1 }))).toThrow(/neither an "installed" nor a "web"/);
    expect(() => parseClientSecretJson(JSON.stringify({ type: 'authorized_user' }))).toThrow(/credentials file/);
    expect(() => parseClientSecretJson(JSON.stringify({ installed: { client_id: 'x' } }))).toThrow(/incomplete \(check: client_secret\)/);
    expect(() => parseClientSecretJson(JSON.stringify({ installed: { ...installed.installed, token_uri: 'http://evil.example/token' } }))).toThrow(/https/);
  });
});

describe('clientConfigFromEnv', () => {
  it('uses Google endpoints', () => {
    expect(clientConfigFromEnv({ SKIMMER_CLIENT_ID: 'id', SKIMMER_CLIENT_SECRET: 's' })).toEqual({
      clientId: 'id',
      clientSecret: 's',
      ...GOOGLE_ENDPOINTS,
      kind: 'installed',
    });
  });
  it('is null when unset and an error when half set', () => {
    expect(clientConfigFromEnv({})).toBeNull();
    expect(() => clientConfigFromEnv({ SKIMMER_CLIENT_ID: 'id' })).toThrow(/both/);
  });
});

describe('parseEmulatorServerInfo', () => {
  const info = {
    baseUrl: 'http://127.0.0.1:4545',
    authUri: 'http://127.0.0.1:4545/o/oauth2/v2/auth',
    tokenUri: 'http://127.0.0.1:4545/token',
    revokeUri: 'http://127.0.0.1:4545/revoke',
    userinfoUri: 'http://127.0.0.1:4545/oauth2/v2/userinfo',
    gmailRootUrl: 'http://127.0.0.1:4545',
    clientId: 'emu-client',
    clientSecret: 'emu-secret',
    accounts: ['ada@example.com'],
  };
  it('reads the JSON line (last parsable line of a file wins)', () => {
    const c = parseEmulatorServerInfo(`emulator starting\n${JSON.stringify({ other: 1 })}\n${JSON.stringify(info)}\n`);
    expect(c).toMatchObject({
      clientId: 'emu-client',
      clientSecret: 'emu-secret',
      kind: 'demo',
      tokenUri: info.tokenUri,
      gmailRootUrl: 'http://127.0.0.1:4545/',
    });
  });
  it('refuses non-loopback endpoints and junk', () => {
    expect(() => parseEmulatorServerInfo(JSON.stringify({ ...info, tokenUri: 'https://oauth2.googleapis.com/token' }))).toThrow(/127\.0\.0\.1/);
    expect(() => parseEmulatorServerInfo('hello')).toThrow(ClientConfigError);
  });
});

describe('oauth2Endpoints', () => {
  it('maps to google-auth-library option names', () => {
    const c = clientConfigFromEnv({ SKIMMER_CLIENT_ID: 'id', SKIMMER_CLIENT_SECRET: 's' })!;
    expect(oauth2Endpoints(c)).toEqual({
      oauth2AuthBaseUrl: GOOGLE_ENDPOINTS.authUri,
      oauth2TokenUrl: GOOGLE_ENDPOINTS.tokenUri,
      oauth2RevokeUrl: GOOGLE_ENDPOINTS.revokeUri,
    });
  });
});
