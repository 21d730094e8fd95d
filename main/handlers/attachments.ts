/**
 * Attachment preview and "Open": previews go to the window as data the sandboxed viewer
 * shows (raster images, drawn by <img>; PDF, drawn on <canvas> by pdf.js); "Open" writes a copy under the app's own folder and hands it to the
 * system, never for programs or scripts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IpcFailure } from '../../common/ipc';
import { previewKind } from '../../common/attachment-rule';
import type { AttachmentInfo } from '../../common/mail-types';
import type { MailSource } from '../gmail/gmail-mail-source';
import type { RequestHandlers } from '../ipc/router';
import { t } from '../i18n/translate';

/** The one Electron call this needs, behind an interface (main/electron implements it with shell.openPath). */
export interface FileOpener {
  openPath(filePath: string): Promise<void>;
}

export const PREVIEW_MAX_BYTES = 15 * 1024 * 1024;

/** Extensions that run code when opened (Windows, macOS, Linux, Office macros, scripts). */
const EXECUTABLE = new Set(
  `exe com bat cmd msi msp msc scr pif cpl dll sys vbs vbe js jse jar wsf wsh ws ps1 psm1 hta lnk reg inf
  app pkg dmg command tool action workflow scpt sh bash zsh csh ksh run bin deb rpm appimage py pl rb php
  docm xlsm pptm dotm xltm potm ppam xlam iso img vhd vhdx url webloc desktop apk`.split(/\s+/),
);

export function isExecutableAttachment(att: Pick<AttachmentInfo, 'filename' | 'mimeType'>): boolean {
  const name = att.filename
    .toLowerCase()
    .trim()
    .replace(/[.\s]+$/, '');
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const type = att.mimeType.toLowerCase();
  return EXECUTABLE.has(ext) || /x-msdownload|x-executable|x-sh|x-msdos|javascript|x-apple-diskimage|x-ms-installer/.test(type);
}

interface AttachmentHandlerDeps {
  readonly withSource: <T>(accountId: string, run: (source: MailSource) => Promise<T>) => Promise<T>;
  readonly opener: Partial<FileOpener>;
  /** Where opened copies go (inside the app's data folder). */
  readonly openDir: string;
  readonly safeFileName: (name: string) => string;
}

export function createAttachmentHandlers(deps: AttachmentHandlerDeps): Pick<RequestHandlers, 'previewAttachment' | 'openAttachment'> {
  const find = async (source: MailSource, messageId: string, partId: string) => {
    const message = await source.getMessage(messageId);
    const attachment = message.attachments.find((a) => a.partId === partId);
    if (!attachment) throw new IpcFailure('not_found', t('attachment.gone'));
    return attachment;
  };
  return {
    previewAttachment: (accountId, messageId, partId) =>
      deps.withSource(accountId, async (source) => {
        const attachment = await find(source, messageId, partId);
        const kind = previewKind(attachment);
        if (!kind) throw new IpcFailure('invalid_request', t('attachment.previewUnsupported'));
        if (attachment.size > PREVIEW_MAX_BYTES) throw new IpcFailure('invalid_request', t('attachment.previewTooLarge'));
        const bytes = await source.getAttachment(messageId, attachment.attachmentId);
        // The size in the message can lie; the cap holds for the bytes themselves.
        if (bytes.byteLength > PREVIEW_MAX_BYTES) throw new IpcFailure('invalid_request', t('attachment.previewTooLarge'));
        const mimeType = kind === 'pdf' ? 'application/pdf' : attachment.mimeType.toLowerCase();
        return { kind, mimeType, dataUrl: `data:${mimeType};base64,${Buffer.from(bytes).toString('base64')}` };
      }),
    openAttachment: (accountId, messageId, partId) =>
      deps.withSource(accountId, async (source) => {
        const attachment = await find(source, messageId, partId);
        if (isExecutableAttachment(attachment)) {
          throw new IpcFailure('invalid_request', t('attachment.noPrograms'));
        }
        if (!deps.opener.openPath) throw new IpcFailure('invalid_request', t('attachment.openUnavailable'));
        const bytes = await source.getAttachment(messageId, attachment.attachmentId);
        // One folder per message, so two "invoice.pdf" never overwrite each other.
        const dir = path.join(deps.openDir, deps.safeFileName(messageId));
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const target = path.join(dir, deps.safeFileName(attachment.filename));
        await writeFile(target, bytes, { mode: 0o600 });
        await deps.opener.openPath(target);
        return { fileName: path.basename(target) };
      }),
  };
}
