import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../common/ipc';
import { AccountError, keychainLockedMessage } from '../../../main/auth/account-types';
import { SignInError } from '../../../main/auth/sign-in-errors';
import { GmailApi, GmailAuthError, GmailInvalidQueryError, HistoryTooOldError } from '../../../main/gmail/gmail-api';
import { INTERNAL_MESSAGE, ipcErrorFor, rethrowForIpc } from '../../../main/ipc/error-codes';

describe('one mapping from errors to the contract codes', () => {
  it('uses the code and the public message every layer gives its errors', () => {
    expect(ipcErrorFor(new GmailAuthError(new Error('401'))).error).toEqual({
      code: 'needs_reauth',
      message: 'Google needs you to sign in to this account again.',
    });
    expect(ipcErrorFor(new SignInError('cancelled')).error.code).toBe('cancelled');
    expect(ipcErrorFor(new SignInError('network')).error.code).toBe('offline');
    expect(ipcErrorFor(new AccountError('keychain_locked', keychainLockedMessage())).error).toEqual({ code: 'internal', message: keychainLockedMessage() });
  });

  it('hides the text of foreign errors and of internal ones without a public message', () => {
    expect(ipcErrorFor(new Error('token=ya29.x'))).toEqual({ error: { code: 'internal', message: INTERNAL_MESSAGE }, unexpected: true });
    expect(ipcErrorFor(new HistoryTooOldError()).error.message).toBe(INTERNAL_MESSAGE);
  });

  it('rethrows a coded error as the IpcFailure handlers reply with, and a foreign one unchanged', () => {
    expect(() => rethrowForIpc(new GmailInvalidQueryError(null))).toThrow(IpcFailure);
    const foreign = new Error('boom');
    expect(() => rethrowForIpc(foreign)).toThrow(foreign);
  });
});

describe('invalid_query', () => {
  let server: Server;
  let rootUrl = '';
  beforeAll(async () => {
    // Gmail answers 400 to a search its own parser refuses; stand in for that one answer.
    server = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 400, message: 'Invalid query', errors: [{ reason: 'invalidArgument' }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function api(): GmailApi {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'test', expiry_date: Date.now() + 3_600_000 });
    return new GmailApi({ auth, rootUrl });
  }

  it('is what a search Gmail cannot read becomes', async () => {
    const failure = await api()
      .listMessages({ q: 'from:(' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GmailInvalidQueryError);
    expect(ipcErrorFor(failure).error.code).toBe('invalid_query');
  });

  it('is not claimed for a 400 on a list without a query', async () => {
    const failure = await api()
      .listMessages({ labelIds: ['INBOX'] })
      .catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(GmailInvalidQueryError);
  });
});
