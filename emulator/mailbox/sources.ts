import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isEnvelopeLine } from './headers';
import { folderSystemLabel } from './labels';
import { parseMailDate } from './message';

/** One message's bytes and where they came from, before parsing. */
export interface SourceMessage {
  raw: Buffer;
  /** Path, plus "#n" for the n-th message of an mbox: part of the id hash. */
  source: string;
  /** User label names from folders ("work/clients"). */
  folderLabels: string[];
  /** System labels from folder names ("Sent", "Spam", Maildir++ ".Trash"). */
  folderSystemLabels: string[];
  /** Maildir info flags ("FS"), undefined outside a Maildir. */
  maildirFlags: string | undefined;
  /** Fallback date: the mbox envelope line's date (then the file's mtime, read only when needed). */
  envelopeDate: number | undefined;
  file: string;
}

const FROM_ = Buffer.from('From ');
const ENVELOPE_STRICT = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) /;
const ENVELOPE_TIME = /\d{1,2}:\d{2}/;

function startsWithFrom(buf: Buffer, at = 0): boolean {
  return buf.length >= at + 5 && buf.compare(FROM_, 0, 5, at, at + 5) === 0 && isEnvelopeLine(buf.toString('latin1', at, Math.min(buf.length, at + 40)));
}

function lineAt(buf: Buffer, start: number): { text: string; next: number } {
  let nl = buf.indexOf(10, start);
  if (nl < 0) nl = buf.length;
  return { text: buf.toString('latin1', start, Math.min(nl, start + 300)).replace(/\r$/, ''), next: Math.min(nl + 1, buf.length) };
}

function envelopeDate(line: string): number | undefined {
  // "From sender Mon Jan  1 00:00:00 2001" or Takeout's "From 123@xxx Wed Nov 20 10:00:00 +0000 2026"
  const rest = line.replace(/^From \S+\s+/, '');
  const m = /^\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(?:([+-]\d{4})\s+)?(\d{4})/.exec(rest);
  if (m) return parseMailDate(`${m[2]} ${m[1]} ${m[5]} ${m[3]} ${m[4] ?? '+0000'}`);
  return undefined;
}

/** Removes a leading mbox envelope line from a single-message file. */
export function stripEnvelope(buf: Buffer): { raw: Buffer; envelopeDate: number | undefined } {
  if (!startsWithFrom(buf)) return { raw: buf, envelopeDate: undefined };
  const { text, next } = lineAt(buf, 0);
  return { raw: buf.subarray(next), envelopeDate: envelopeDate(text) };
}

function unescapeFrom(buf: Buffer): Buffer {
  if (buf.indexOf('>From ') < 0) return buf;
  return Buffer.from(buf.toString('latin1').replace(/^>(>*From )/gm, '$1'), 'latin1');
}

/**
 * Splits an mbox into messages. A separator is a "From " line at the start of the file, or
 * after an empty line when it carries a time, or anywhere when it is a full ctime envelope.
 * ">From " lines are un-escaped (mboxrd: one ">" removed).
 */
export function splitMbox(buf: Buffer): { raw: Buffer; envelopeDate: number | undefined }[] {
  const out: { raw: Buffer; envelopeDate: number | undefined }[] = [];
  let msgStart = -1;
  let envDate: number | undefined;
  let pos = 0;
  let prevBlank = true;
  const finish = (end: number): void => {
    if (msgStart < 0) return;
    let e = end;
    // the separator blank line belongs to the mbox, not to the message
    if (e - msgStart >= 2 && buf[e - 1] === 10 && buf[e - 2] === 10) e--;
    else if (e - msgStart >= 4 && buf[e - 1] === 10 && buf[e - 2] === 13 && buf[e - 3] === 10) e -= 2;
    out.push({ raw: unescapeFrom(buf.subarray(msgStart, e)), envelopeDate: envDate });
  };
  while (pos < buf.length) {
    const isFrom = startsWithFrom(buf, pos);
    const { text, next } = isFrom ? lineAt(buf, pos) : { text: '', next: 0 };
    if (isFrom && (pos === 0 || (prevBlank && ENVELOPE_TIME.test(text)) || ENVELOPE_STRICT.test(text))) {
      finish(pos);
      msgStart = next;
      envDate = envelopeDate(text);
      pos = next;
      prevBlank = false;
      continue;
    }
    let nl = buf.indexOf(10, pos);
    if (nl < 0) nl = buf.length;
    prevBlank = nl === pos || (nl === pos + 1 && buf[pos] === 13);
    if (msgStart < 0) msgStart = 0; // text before any envelope line: treat as a message
    pos = nl + 1;
  }
  finish(buf.length);
  return out.filter((m) => m.raw.length > 0);
}

export interface DiscoveredFile {
  file: string;
  /** Path relative to the loaded root (the file name for a file given directly): ids hash this, so they do not depend on where the mail lives. */
  rel: string;
  kind: 'eml' | 'mbox' | 'maildir' | 'auto';
  folderLabels: string[];
  folderSystemLabels: string[];
  maildirFlags: string | undefined;
}

const MESSAGE_EXT = new Set(['.eml']);
const MBOX_EXT = new Set(['.mbox', '.mbx', '.mbs']);

function labelsForDir(segments: string[]): { user: string[]; system: string[] } {
  if (segments.length === 0) return { user: [], system: [] };
  const sys = segments.length === 1 ? folderSystemLabel(segments[0]!) : undefined;
  return sys ? { user: [], system: [sys] } : { user: [segments.join('/')], system: [] };
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function discoverMaildir(root: string, dir: string, segments: string[], out: DiscoveredFile[]): Promise<void> {
  const base = labelsForDir(segments);
  for (const sub of ['new', 'cur']) {
    let names: string[];
    try {
      names = (await fs.readdir(path.join(dir, sub))).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const flags = sub === 'cur' ? (/[:;!]2,([A-Za-z]*)$/.exec(name)?.[1] ?? '') : '';
      out.push({
        file: path.join(dir, sub, name),
        rel: path.join(path.relative(root, dir), name.replace(/[:;!]2,.*$/, '')),
        kind: 'maildir',
        folderLabels: base.user,
        folderSystemLabels: base.system,
        maildirFlags: flags,
      });
    }
  }
  // Maildir++ sub-folders: ".Work.Clients" -> "Work/Clients"
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || !entry.name.startsWith('.') || entry.name === '.' || entry.name === '..') continue;
    const sub = entry.name
      .slice(1)
      .split('.')
      .filter((s) => s !== '');
    if (sub.length > 0) await discoverMaildir(root, path.join(dir, entry.name), [...segments, ...sub], out);
  }
}

async function discoverDir(root: string, dir: string, segments: string[], out: DiscoveredFile[]): Promise<void> {
  if ((await isDir(path.join(dir, 'cur'))) && (await isDir(path.join(dir, 'new')))) {
    await discoverMaildir(root, dir, segments, out);
    return;
  }
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { user, system } = labelsForDir(segments);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await discoverDir(root, full, [...segments, entry.name], out);
    } else if (entry.isFile()) {
      const ext = path.extname(entry.name).toLowerCase();
      const kind = MESSAGE_EXT.has(ext) ? 'eml' : MBOX_EXT.has(ext) ? 'mbox' : ext === '' || ext === '.' || entry.name === 'mbox' ? 'auto' : null;
      if (kind) out.push({ file: full, rel: path.relative(root, full), kind, folderLabels: user, folderSystemLabels: system, maildirFlags: undefined });
    }
  }
}

/** Lists the message files under the given paths (files are taken whatever their name). */
export async function discover(paths: string[]): Promise<DiscoveredFile[]> {
  const out: DiscoveredFile[] = [];
  for (const p of paths) {
    const resolved = path.resolve(p);
    if (await isDir(resolved)) await discoverDir(resolved, resolved, [], out);
    else {
      const ext = path.extname(resolved).toLowerCase();
      out.push({
        file: resolved,
        rel: path.basename(resolved),
        kind: MESSAGE_EXT.has(ext) ? 'eml' : MBOX_EXT.has(ext) ? 'mbox' : 'auto',
        folderLabels: [],
        folderSystemLabels: [],
        maildirFlags: undefined,
      });
    }
  }
  return out;
}

const HEADERISH = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** Reads one discovered file into its messages ([] for a file that is not mail at all). */
export async function readSource(f: DiscoveredFile): Promise<SourceMessage[]> {
  const buf = await fs.readFile(f.file);
  const common = { folderLabels: f.folderLabels, folderSystemLabels: f.folderSystemLabels, maildirFlags: f.maildirFlags, file: f.file };
  let kind = f.kind;
  if (kind === 'auto') {
    if (startsWithFrom(buf)) kind = 'mbox';
    else if (HEADERISH.test(buf.toString('latin1', 0, Math.min(buf.length, 200)))) kind = 'eml';
    else return [];
  }
  if (kind === 'mbox') {
    return splitMbox(buf).map((m, i) => ({ ...common, raw: m.raw, envelopeDate: m.envelopeDate, source: `${f.rel}#${i}` }));
  }
  const { raw, envelopeDate } = stripEnvelope(buf);
  return [{ ...common, raw, envelopeDate, source: f.rel }];
}
