/**
 * How a full message (format=full) is kept in `message_bodies`: deflated, with the part
 * bodies as bytes rather than base64url text. Base64 hides the repeats deflate looks for
 * and adds a third; taking the bodies out first makes the stored message about the size of
 * the compressed raw mail. Gmail's `body.data` may or may not carry `=` padding (both are
 * valid base64url), so each body keeps one bit saying which, and comes back as it was sent.
 * Older rows (v1 without the padding bit, deflated JSON, plain JSON text) still read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { gmail_v1 } from '@googleapis/gmail';

/** First byte of the inflated form; JSON (the oldest form) always starts with "{". */
const SPLIT_BODIES = 0x01;
const SPLIT_BODIES_PADDED = 0x02;
/** In a v2 body length: the base64url text ended in `=` padding. */
const PADDED_BIT = 0x80000000;

type Part = gmail_v1.Schema$MessagePart;

interface MovedBody {
  readonly bytes: Buffer;
  readonly padded: boolean;
}

/** The body's bytes when its base64url text is exactly what re-encoding them gives (with or without padding). */
function movableBody(data: string): MovedBody | undefined {
  const bytes = Buffer.from(data, 'base64url');
  const bare = bytes.toString('base64url');
  if (bare === data) return { bytes, padded: false };
  if (bare.length !== data.length && data === bare + '='.repeat((4 - (bare.length % 4)) % 4)) return { bytes, padded: true };
  return undefined;
}

/** Stands for a body moved out of the JSON ("#" is not in the base64url alphabet). */
const MOVED = '#';

/**
 * Before the deflated bytes: this form was deflated against a dictionary (body-dictionaries.ts),
 * whose id follows as 4 bytes. No raw deflate stream starts with 0xFE (block type 3 is reserved).
 */
const WITH_DICTIONARY = 0xfe;

export interface CompressionDictionary {
  readonly id: number;
  readonly bytes: Buffer;
}

/** The dictionary a stored value was deflated against, if any. */
function storedDictionaryId(value: Uint8Array): number | null {
  return value[0] === WITH_DICTIONARY && value.length >= 5 ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).readUInt32LE(1) : null;
}

/** The uncompressed v2 form: header, JSON with the bodies taken out, the bodies' bytes. */
export function storedMessageBytes(message: gmail_v1.Schema$Message): Buffer {
  const bodies: MovedBody[] = [];
  // A copy of the part tree only (headers are shared, never changed): the bodies moved out.
  const take = (part: Part): Part => {
    const data = part.body?.data;
    const moved = data ? movableBody(data) : undefined;
    if (moved) bodies.push(moved);
    const copy: Part = moved ? { ...part, body: { ...part.body, data: MOVED } } : { ...part };
    if (part.parts) copy.parts = part.parts.map(take);
    return copy;
  };
  const copy = message.payload ? { ...message, payload: take(message.payload) } : message;
  const json = Buffer.from(JSON.stringify(copy));
  const header = Buffer.alloc(9 + 4 * bodies.length);
  header[0] = SPLIT_BODIES_PADDED;
  header.writeUInt32LE(json.length, 1);
  header.writeUInt32LE(bodies.length, 5);
  bodies.forEach((b, i) => header.writeUInt32LE((b.bytes.length | (b.padded ? PADDED_BIT : 0)) >>> 0, 9 + 4 * i));
  return Buffer.concat([header, json, ...bodies.map((b) => b.bytes)]);
}

export function encodeStoredMessage(message: gmail_v1.Schema$Message, dictionary?: CompressionDictionary): Buffer {
  const bytes = storedMessageBytes(message);
  if (!dictionary) return deflateRawSync(bytes);
  const prefix = Buffer.alloc(5);
  prefix[0] = WITH_DICTIONARY;
  prefix.writeUInt32LE(dictionary.id, 1);
  return Buffer.concat([prefix, deflateRawSync(bytes, { dictionary: dictionary.bytes })]);
}

/** `dictionaryOf` gives the bytes of a dictionary by id (needed only for rows stored with one). */
export function decodeStoredMessage(value: string | Uint8Array, dictionaryOf?: (id: number) => Buffer): gmail_v1.Schema$Message {
  if (typeof value === 'string') return JSON.parse(value) as gmail_v1.Schema$Message;
  return parseStoredBytes(inflateStored(value, dictionaryOf));
}

/** A stored value inflated (the v2 bytes, or older JSON); also the samples a dictionary is built from. */
export function inflateStored(value: Uint8Array, dictionaryOf?: (id: number) => Buffer): Buffer {
  const id = storedDictionaryId(value);
  if (id === null) return inflateRawSync(value);
  if (!dictionaryOf) throw new Error(`stored message needs compression dictionary ${id}`);
  return inflateRawSync(value.subarray(5), { dictionary: dictionaryOf(id) });
}

/** The inflated form back to a message. */
function parseStoredBytes(bytes: Buffer): gmail_v1.Schema$Message {
  const version = bytes[0];
  if (version !== SPLIT_BODIES && version !== SPLIT_BODIES_PADDED) return JSON.parse(bytes.toString('utf8')) as gmail_v1.Schema$Message;
  const jsonLength = bytes.readUInt32LE(1);
  const count = bytes.readUInt32LE(5);
  let offset = 9 + 4 * count;
  const message = JSON.parse(bytes.toString('utf8', offset, offset + jsonLength)) as gmail_v1.Schema$Message;
  offset += jsonLength;
  let next = 0;
  const restore = (part: Part | undefined): void => {
    if (!part) return;
    if (part.body?.data === MOVED && next < count) {
      const word = bytes.readUInt32LE(9 + 4 * next++);
      const padded = version === SPLIT_BODIES_PADDED && (word & PADDED_BIT) !== 0;
      const length = version === SPLIT_BODIES_PADDED ? word & ~PADDED_BIT : word;
      const text = bytes.subarray(offset, offset + length).toString('base64url');
      part.body.data = padded ? text + '='.repeat((4 - (text.length % 4)) % 4) : text;
      offset += length;
    }
    for (const child of part.parts ?? []) restore(child);
  };
  restore(message.payload);
  return message;
}
