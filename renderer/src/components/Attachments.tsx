import { useState } from 'react';
import type { AttachmentPreview } from '../../../common/ipc';
import { listedAttachments, previewKind } from '../../../common/attachment-rule';
import type { AttachmentInfo } from '../../../common/mail-types';
import { skimmer } from '../api';
import { errorMessage } from '../lib/errors';
import { AttachmentViewer } from './AttachmentViewer';
import { ConfirmDialog } from './ConfirmDialog';
import { CheckIcon, DownloadIcon, ExpandIcon, FileIcon, ExternalIcon, ImageIcon } from './icons';
import { useFormat, useT } from '../i18n/useLocale';
import type { MessageKey } from '../i18n/translate';
import '../styles/attachments.css';

const TONE_NAMES: Record<string, MessageKey> = {
  image: 'attachments.kind.image',
  pdf: 'attachments.kind.pdf',
  doc: 'attachments.kind.doc',
  sheet: 'attachments.kind.sheet',
  slides: 'attachments.kind.slides',
  archive: 'attachments.kind.archive',
  text: 'attachments.kind.text',
  other: 'attachments.kind.other',
};

function kindOf(att: AttachmentInfo): { label: string; tone: string } {
  const name = att.filename.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const type = att.mimeType.toLowerCase();
  if (type.startsWith('image/')) return { label: ext.toUpperCase() || 'IMG', tone: 'image' };
  if (type === 'application/pdf' || ext === 'pdf') return { label: 'PDF', tone: 'pdf' };
  if (/word|document|rtf/.test(type) || ['doc', 'docx', 'odt', 'rtf'].includes(ext)) return { label: ext.toUpperCase() || 'DOC', tone: 'doc' };
  if (/sheet|excel|csv/.test(type) || ['xls', 'xlsx', 'ods', 'csv'].includes(ext)) return { label: ext.toUpperCase() || 'XLS', tone: 'sheet' };
  if (/presentation|powerpoint/.test(type) || ['ppt', 'pptx', 'odp', 'key'].includes(ext)) return { label: ext.toUpperCase(), tone: 'slides' };
  if (/zip|compressed|tar|gzip/.test(type) || ['zip', 'gz', 'tgz', 'rar', '7z'].includes(ext)) return { label: ext.toUpperCase() || 'ZIP', tone: 'archive' };
  if (type.startsWith('text/')) return { label: ext.toUpperCase() || 'TXT', tone: 'text' };
  return { label: (ext || 'FILE').slice(0, 4).toUpperCase(), tone: 'other' };
}

interface AttachmentsProps {
  readonly accountId: string;
  readonly messageId: string;
  readonly attachments: readonly AttachmentInfo[];
}

export function Attachments({ accountId, messageId, attachments }: AttachmentsProps) {
  const t = useT();
  const format = useFormat();
  const [status, setStatus] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ att: AttachmentInfo; preview: AttachmentPreview } | null>(null);
  const [confirmOpen, setConfirmOpen] = useState<AttachmentInfo | null>(null);
  const shown = listedAttachments(attachments);
  if (shown.length === 0) return null;

  const save = async (att: AttachmentInfo) => {
    setStatus((s) => ({ ...s, [att.attachmentId]: 'saving' }));
    // Main finds the part by its stable part id (Gmail's attachmentId changes on every fetch).
    const reply = await skimmer().saveAttachment(accountId, messageId, att.partId);
    if (!reply.ok) setStatus((s) => ({ ...s, [att.attachmentId]: `error:${errorMessage(reply.error, t)}` }));
    else if (reply.value.saved) setStatus((s) => ({ ...s, [att.attachmentId]: `saved:${reply.value.fileName ?? att.filename}` }));
    else setStatus((s) => ({ ...s, [att.attachmentId]: '' }));
  };

  const fail = (att: AttachmentInfo, message: string) => setStatus((s) => ({ ...s, [att.attachmentId]: `error:${message}` }));
  const showPreview = async (att: AttachmentInfo) => {
    const reply = await skimmer().previewAttachment(accountId, messageId, att.partId);
    if (reply.ok) setPreview({ att, preview: reply.value });
    else fail(att, errorMessage(reply.error, t));
  };
  const open = async (att: AttachmentInfo) => {
    setConfirmOpen(null);
    const reply = await skimmer().openAttachment(accountId, messageId, att.partId);
    if (!reply.ok) fail(att, reply.error.code === 'invalid_request' ? reply.error.message : errorMessage(reply.error, t));
  };

  return (
    <>
      <ul className="attachments" aria-label={t('attachments.title')}>
        {shown.map((att) => {
          const kind = kindOf(att);
          const state = status[att.attachmentId] ?? '';
          const Icon = kind.tone === 'image' ? ImageIcon : FileIcon;
          return (
            <li key={att.attachmentId} className="attachment" data-testid="attachment">
              <span className={`attachment__icon attachment__icon--${kind.tone}`} aria-hidden="true">
                <Icon size={16} />
                <span className="attachment__ext">{kind.label}</span>
              </span>
              <span className="attachment__text">
                <span className="attachment__name truncate" title={att.filename}>
                  {att.filename || t('attachments.unnamed')}
                </span>
                <span className="attachment__meta truncate">
                  {state.startsWith('saved:') ? (
                    <span className="attachment__saved">{t('attachments.savedAs', { name: state.slice(6) })}</span>
                  ) : state.startsWith('error:') ? (
                    <span className="attachment__error" role="alert">
                      {state.slice(6)}
                    </span>
                  ) : (
                    <span title={att.mimeType}>
                      {format.size(att.size)} · {t(TONE_NAMES[kind.tone] ?? 'attachments.kind.other')}
                    </span>
                  )}
                </span>
              </span>
              {previewKind(att) ? (
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => void showPreview(att)}
                  aria-label={t('attachments.previewLabel', { name: att.filename })}
                  title={t('attachments.preview')}
                >
                  <ExpandIcon size={16} />
                </button>
              ) : null}
              <button
                type="button"
                className="icon-button"
                onClick={() => setConfirmOpen(att)}
                aria-label={t('attachments.openLabel', { name: att.filename })}
                title={t('attachments.openTitle')}
              >
                <ExternalIcon size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                onClick={() => void save(att)}
                disabled={state === 'saving'}
                aria-label={t('attachments.saveLabel', { name: att.filename })}
                title={t('attachments.saveTitle')}
              >
                {state.startsWith('saved:') ? <CheckIcon size={16} /> : <DownloadIcon size={16} />}
              </button>
            </li>
          );
        })}
      </ul>
      {preview ? (
        <AttachmentViewer
          name={preview.att.filename}
          preview={preview.preview}
          onClose={() => setPreview(null)}
          onSave={() => {
            setPreview(null);
            void save(preview.att);
          }}
          onOpen={() => {
            setPreview(null);
            setConfirmOpen(preview.att);
          }}
        />
      ) : null}
      {confirmOpen ? (
        <ConfirmDialog
          title={t('attachments.openConfirm.title', { name: confirmOpen.filename })}
          body={t('attachments.openConfirm.body')}
          confirm={t('attachments.openConfirm.confirm')}
          onCancel={() => setConfirmOpen(null)}
          onConfirm={() => void open(confirmOpen)}
        />
      ) : null}
    </>
  );
}
