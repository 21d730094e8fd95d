import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttachmentInfo, MessageDetail } from '../../../common/mail-types';
import { safeFileName } from '../../../main/handlers/files';
import type { MailSource } from '../../../main/gmail/gmail-mail-source';
import { createAttachmentHandlers, isExecutableAttachment, PREVIEW_MAX_BYTES } from '../../../main/handlers/attachments';

const att = (filename: string, mimeType: string, partId: string): AttachmentInfo => ({
  attachmentId: `a${partId}`,
  partId,
  filename,
  mimeType,
  size: 4,
  contentId: null,
  inline: false,
});
const attachments = [
  att('setup.exe', 'application/octet-stream', '1'),
  att('notes.txt', 'text/plain', '2'),
  att('invoice.PDF.', 'application/pdf', '3'),
  att('scan.pdf', 'application/octet-stream', '4'),
  att('photo.png', 'image/png', '5'),
];
// Only the two calls the handlers make; the rest of MailSource is never reached.
const source = {
  getMessage: async () => ({ attachments }) as unknown as MessageDetail,
  getAttachment: async () => new Uint8Array([1, 2, 3, 4]),
} as unknown as MailSource;

describe('attachment open', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('knows programs and scripts by extension and type, whatever the case or trailing dots', () => {
    expect(isExecutableAttachment({ filename: 'Setup.EXE', mimeType: 'application/octet-stream' })).toBe(true);
    expect(isExecutableAttachment({ filename: 'run.sh.', mimeType: 'text/plain' })).toBe(true);
    expect(isExecutableAttachment({ filename: 'report.docm', mimeType: 'application/vnd.ms-word' })).toBe(true);
    expect(isExecutableAttachment({ filename: 'x', mimeType: 'application/x-msdownload' })).toBe(true);
    expect(isExecutableAttachment({ filename: 'invoice.pdf', mimeType: 'application/pdf' })).toBe(false);
  });

  it('refuses an executable and opens a saved copy of anything else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skimmer-open-'));
    dirs.push(dir);
    const opened: string[] = [];
    const handlers = createAttachmentHandlers({
      withSource: (_id, run) => run(source),
      opener: { openPath: async (file) => void opened.push(file) },
      openDir: dir,
      safeFileName,
    });
    await expect(handlers.openAttachment('acct', 'm1', '1')).rejects.toMatchObject({ code: 'invalid_request' });
    expect(opened).toEqual([]);
    const reply = await handlers.openAttachment('acct', 'm1', '2');
    expect(reply.fileName).toBe('notes.txt');
    expect([...(await readFile(opened[0]!))]).toEqual([1, 2, 3, 4]);
    expect(path.dirname(path.dirname(opened[0]!))).toBe(dir);
  });

  it('previews images and PDF (also sent as octet-stream), nothing else', async () => {
    const handlers = createAttachmentHandlers({ withSource: (_id, run) => run(source), opener: {}, openDir: tmpdir(), safeFileName });
    await expect(handlers.previewAttachment('acct', 'm1', '1')).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(handlers.previewAttachment('acct', 'm1', '2')).rejects.toMatchObject({ code: 'invalid_request' });
    const pdf = await handlers.previewAttachment('acct', 'm1', '3');
    expect(pdf).toEqual({ kind: 'pdf', mimeType: 'application/pdf', dataUrl: 'data:application/pdf;base64,AQIDBA==' });
    expect(await handlers.previewAttachment('acct', 'm1', '4')).toMatchObject({ kind: 'pdf', mimeType: 'application/pdf' });
    expect(await handlers.previewAttachment('acct', 'm1', '5')).toMatchObject({ kind: 'image', mimeType: 'image/png' });
  });

  it('refuses a preview whose bytes are over the cap, whatever size the message claims', async () => {
    const huge = { ...source, getAttachment: async () => new Uint8Array(PREVIEW_MAX_BYTES + 1) } as unknown as MailSource;
    const handlers = createAttachmentHandlers({ withSource: (_id, run) => run(huge), opener: {}, openDir: tmpdir(), safeFileName });
    await expect(handlers.previewAttachment('acct', 'm1', '3')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
