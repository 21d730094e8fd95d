/** Files the person picks: an OAuth client to import, a place to save an attachment or a body. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IpcFailure } from '../../common/ipc';
import { loadClientSecretFile } from '../auth/client-config';
import { GOOGLE_CLIENT_KEY } from './accounts';
import type { HandlerGroup } from './context';

type FileRequest = 'importClientSecret' | 'saveAttachment' | 'saveMessageBody';

export const fileHandlers: HandlerGroup<FileRequest> = ({ platform, settings, accounts, authStatus, withSource }) => ({
  importClientSecret: async () => {
    const file = await platform.chooseClientSecretFile();
    if (!file) return null;
    const config = await loadClientSecretFile(file);
    const block = { client_id: config.clientId, client_secret: config.clientSecret, auth_uri: config.authUri, token_uri: config.tokenUri };
    settings.set(GOOGLE_CLIENT_KEY, JSON.stringify({ [config.kind === 'web' ? 'web' : 'installed']: block }));
    await accounts.openRealm('google', config);
    return authStatus();
  },
  saveAttachment: (accountId, messageId, partId) =>
    withSource(accountId, async (source) => {
      const message = await source.getMessage(messageId);
      const attachment = message.attachments.find((a) => a.partId === partId);
      if (!attachment) throw new IpcFailure('not_found', 'That attachment is no longer in the message.');
      const target = await platform.chooseSaveLocation(safeFileName(attachment.filename));
      if (!target) return { saved: false, fileName: null };
      const bytes = await source.getAttachment(messageId, attachment.attachmentId);
      await writeFile(target, bytes);
      return { saved: true, fileName: path.basename(target) };
    }),
  // A body too large to display: written as text, so no browser would run it as a page.
  saveMessageBody: (accountId, messageId) =>
    withSource(accountId, async (source) => {
      const message = await source.getMessage(messageId);
      const target = await platform.chooseSaveLocation(`${safeFileName(message.subject || 'message')}.txt`);
      if (!target) return { saved: false, fileName: null };
      await writeFile(target, message.html ?? message.text ?? '', { mode: 0o600 });
      return { saved: true, fileName: path.basename(target) };
    }),
});

// Control characters are exactly what must go, so the regex names them. (On its own line, so
// the lint exception stays next to it however the call below is wrapped.)
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[\u0000-\u001f<>:"|?*]/g;

/** Keeps only a file name a file system will take: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = name.replace(/[\\/]/g, '_').replace(UNSAFE_FILE_NAME_CHARS, '_').trim();
  const cleaned = base.replace(/^\.+/, '').slice(0, 200);
  return cleaned || 'attachment';
}
