import { deflateRawSync } from 'node:zlib';
import type { gmail_v1 } from '@googleapis/gmail';
import { describe, expect, it } from 'vitest';
import { decodeStoredMessage, encodeStoredMessage } from '../../../main/cache/stored-message';

const text = 'Hello, this is the body of a message that says hello again and again. '.repeat(40);
const message: gmail_v1.Schema$Message = {
  id: 'abc',
  snippet: 'Hello',
  payload: {
    mimeType: 'multipart/mixed',
    body: { size: 0 },
    parts: [
      { partId: '0', mimeType: 'text/plain', body: { size: text.length, data: Buffer.from(text).toString('base64url') } },
      // Padded base64 does not survive a decode/encode round trip: kept as text.
      { partId: '1', mimeType: 'text/html', body: { size: 2, data: 'aGk=' } },
      { partId: '2', mimeType: 'image/png', filename: 'a.png', body: { size: 9000, attachmentId: 'att-1' } },
      { partId: '3', mimeType: 'text/plain', body: { size: 0, data: '' } },
    ],
  },
};

describe('stored messages', () => {
  it('come back exactly as stored, bodies and all', () => {
    expect(decodeStoredMessage(encodeStoredMessage(message))).toEqual(message);
  });

  it('are smaller than the deflated JSON of the older schema', () => {
    const older = deflateRawSync(Buffer.from(JSON.stringify(message)));
    expect(encodeStoredMessage(message).length).toBeLessThan(older.length);
  });

  it('still read in the older forms (deflated JSON, plain JSON text)', () => {
    expect(decodeStoredMessage(deflateRawSync(Buffer.from(JSON.stringify(message))))).toEqual(message);
    expect(decodeStoredMessage(JSON.stringify(message))).toEqual(message);
  });
});
