/**
 * How a full message (format=full) is kept in `message_bodies`: deflated, with the part
 * bodies as bytes rather than base64url text. Base64 hides the repeats deflate looks for
 * and adds a third; taking the bodies out first makes the stored message about the size of
 * the compressed raw mail. Older rows (deflated JSON, or plain JSON text) still read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { gmail_v1 } from '@googleapis/gmail';

/** First byte of the inflated v2 form; JSON (the older form) always starts with "{". */
const SPLIT_BODIES = 0x01;

type Part = gmail_v1.Schema$MessagePart;

/** Parts whose base64url body decodes and re-encodes to the same text (so the bytes are the whole truth). */
function bodyParts(part: Part | undefined, out: Part[] = []): Part[] {
  if (!part) return out;
  const data = part.body?.data;
  if (data && Buffer.from(data, 'base64url').toString('base64url') === data) out.push(part);
  for (const child of part.parts ?? []) bodyParts(child, out);
  return out;
}

/** Stands for a body moved out of the JSON ("#" is not in the base64url alphabet). */
const MOVED = '#';

export function encodeStoredMessage(message: gmail_v1.Schema$Message): Buffer {
  const copy = structuredClone(message);
  const bodies = bodyParts(copy.payload).map((p) => {
    const bytes = Buffer.from(p.body!.data!, 'base64url');
    p.body = { ...p.body, data: MOVED };
    return bytes;
  });
  const json = Buffer.from(JSON.stringify(copy));
  const header = Buffer.alloc(9 + 4 * bodies.length);
  header[0] = SPLIT_BODIES;
  header.writeUInt32LE(json.length, 1);
  header.writeUInt32LE(bodies.length, 5);
  bodies.forEach((b, i) => header.writeUInt32LE(b.length, 9 + 4 * i));
  return deflateRawSync(Buffer.concat([header, json, ...bodies]));
}

export function decodeStoredMessage(value: string | Uint8Array): gmail_v1.Schema$Message {
  if (typeof value === 'string') return JSON.parse(value) as gmail_v1.Schema$Message;
  const bytes = inflateRawSync(value);
  if (bytes[0] !== SPLIT_BODIES) return JSON.parse(bytes.toString('utf8')) as gmail_v1.Schema$Message;
  const jsonLength = bytes.readUInt32LE(1);
  const count = bytes.readUInt32LE(5);
  let offset = 9 + 4 * count;
  const message = JSON.parse(bytes.toString('utf8', offset, offset + jsonLength)) as gmail_v1.Schema$Message;
  offset += jsonLength;
  let next = 0;
  const restore = (part: Part | undefined): void => {
    if (!part) return;
    if (part.body?.data === MOVED && next < count) {
      const length = bytes.readUInt32LE(9 + 4 * next++);
      part.body.data = bytes.subarray(offset, offset + length).toString('base64url');
      offset += length;
    }
    for (const child of part.parts ?? []) restore(child);
  };
  restore(message.payload);
  return message;
}
