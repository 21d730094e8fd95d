import { describe, expect, it } from 'vitest';
import { buildBatchBody, parseBatchResponse } from '../../../main/gmail/batch';
import { classifyGmailError } from '../../../main/gmail/gmail-errors';

describe('batch wire format', () => {
  it('writes one application/http part per request with a Content-ID', () => {
    const body = buildBatchBody(['/gmail/v1/users/me/messages/a?format=metadata', '/gmail/v1/users/me/labels/INBOX'], 'XyZ');
    expect(body).toBe(
      '--XyZ\r\nContent-Type: application/http\r\nContent-ID: <item0>\r\n\r\nGET /gmail/v1/users/me/messages/a?format=metadata HTTP/1.1\r\n\r\n' +
        '--XyZ\r\nContent-Type: application/http\r\nContent-ID: <item1>\r\n\r\nGET /gmail/v1/users/me/labels/INBOX HTTP/1.1\r\n\r\n' +
        '--XyZ--\r\n',
    );
  });

  it('reads parts back by Content-ID, whatever their order, with per-part statuses', () => {
    const response =
      '--batch_abc\r\nContent-Type: application/http\r\nContent-ID: <response-item1>\r\n\r\n' +
      'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n' +
      '{"error":{"code":429,"errors":[{"reason":"rateLimitExceeded"}]}}\r\n' +
      '--batch_abc\r\nContent-Type: application/http\r\nContent-ID: <response-item0>\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"id":"a","threadId":"a"}\r\n' +
      '--batch_abc--\r\n';
    const parts = parseBatchResponse('multipart/mixed; boundary=batch_abc', response, 2);
    expect(parts[0]).toMatchObject({ status: 200, body: { id: 'a' } });
    expect(parts[1]).toMatchObject({ status: 429 });
  });

  it('refuses a response with the wrong number of parts', () => {
    expect(() => parseBatchResponse('multipart/mixed; boundary=b', '--b--\r\n', 1)).toThrow(/0 parts for 1/);
    expect(() => parseBatchResponse('application/json', '{}', 1)).toThrow(/boundary/);
  });
});

describe('error classification', () => {
  const http = (status: number, reason?: string) => ({ response: { status, data: { error: { code: status, errors: reason ? [{ reason }] : [] } } } });
  it.each([
    [http(429), 'retryable'],
    [http(503), 'retryable'],
    [http(403, 'userRateLimitExceeded'), 'retryable'],
    [http(403, 'insufficientPermissions'), 'fatal'],
    [http(401), 'auth'],
    [http(404), 'not_found'],
    [{ response: { status: 400, data: { error: 'invalid_grant' } } }, 'auth'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'retryable'],
    [new Error('something else'), 'fatal'],
  ])('%j is %s', (error, kind) => {
    expect(classifyGmailError(error)).toBe(kind);
  });
  it('reads a 404 on history as "too old"', () => {
    expect(classifyGmailError(http(404), { historyRequest: true })).toBe('history_too_old');
  });
});
