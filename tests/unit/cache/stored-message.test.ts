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
      // Padded base64url (Gmail may send either form) comes back padded.
      { partId: '1', mimeType: 'text/html', body: { size: 2, data: 'aGk=' } },
      // Not canonical base64url (a stray bit in the last character): kept as the text it was.
      { partId: '4', mimeType: 'text/plain', body: { size: 2, data: 'aGl=' } },
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

  it('keep a padded body as bytes, not as its base64 text', () => {
    const padded = Buffer.from(text + '!').toString('base64url') + '=';
    expect(padded.endsWith('=')).toBe(true);
    const one = (data: string): gmail_v1.Schema$Message => ({ id: 'p', payload: { mimeType: 'text/plain', body: { size: text.length + 1, data } } });
    const stored = encodeStoredMessage(one(padded));
    expect(decodeStoredMessage(stored)).toEqual(one(padded));
    // The padded form costs what the bare one does (it was 4/3 of it while kept as text).
    expect(stored.length).toBeLessThanOrEqual(encodeStoredMessage(one(padded.replace(/=+$/, ''))).length + 2);
  });

  it('still read in the older forms (deflated JSON, plain JSON text)', () => {
    expect(decodeStoredMessage(deflateRawSync(Buffer.from(JSON.stringify(message))))).toEqual(message);
    expect(decodeStoredMessage(JSON.stringify(message))).toEqual(message);
    expect(decodeStoredMessage(encodeVersion1(message))).toEqual(message);
  });
});

/** Schema 3's first form (byte 0x01): canonical bodies moved out, no padding bit; padded ones kept as text. */
function encodeVersion1(m: gmail_v1.Schema$Message): Buffer {
  const copy = structuredClone(m);
  const bodies: Buffer[] = [];
  const take = (part: gmail_v1.Schema$MessagePart | undefined): void => {
    const data = part?.body?.data;
    if (part && data && Buffer.from(data, 'base64url').toString('base64url') === data) {
      bodies.push(Buffer.from(data, 'base64url'));
      part.body = { ...part.body, data: '#' };
    }
    for (const child of part?.parts ?? []) take(child);
  };
  take(copy.payload);
  const json = Buffer.from(JSON.stringify(copy));
  const header = Buffer.alloc(9 + 4 * bodies.length);
  header[0] = 0x01;
  header.writeUInt32LE(json.length, 1);
  header.writeUInt32LE(bodies.length, 5);
  bodies.forEach((b, i) => header.writeUInt32LE(b.length, 9 + 4 * i));
  return deflateRawSync(Buffer.concat([header, json, ...bodies]));
}
