/**
 * The one IPC contract between main and the renderer.
 *
 * Every request channel has a name, a zod schema for its arguments (a tuple: the
 * preload turns each entry into a positional method parameter) and a reply type.
 * Main validates every request against the schema before a handler sees it; the
 * preload builds `window.skimmer` from this object and nothing else.
 */
import { z } from 'zod';
import { LOCALE_PREFERENCES, type LocalePreference, type LocaleSettings } from './i18n/locale';
import type { IpcResult } from './ipc-result';
import type { LabelSummary, MessagePage, ThreadDetail } from './mail-types';
import { viewSettingsPatchSchema, type ViewSettings } from './view-settings';

export * from './ipc-result';

interface RequestChannel<Args extends z.ZodTuple, Reply> {
  readonly kind: 'request';
  readonly channel: string;
  readonly args: Args;
  /** Phantom field: carries the reply type; never set at run time. */
  readonly reply?: Reply;
}

interface EventChannel<Payload> {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload?: Payload;
}

function request<Reply>() {
  return <Args extends z.ZodTuple>(channel: string, args: Args): RequestChannel<Args, Reply> => ({
    kind: 'request',
    channel,
    args,
  });
}

export function event<Payload>(channel: string): EventChannel<Payload> {
  return { kind: 'event', channel };
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  /** Which shell runs the renderer: the real Electron app, or the test bridge. */
  readonly shell: 'electron' | 'test-bridge';
}

const httpUrl = z
  .string()
  .max(8192)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export type AccountState = 'signed_in' | 'refreshing' | 'needs_reauth' | 'signed_out';

/** An account as the renderer sees it: no token, no path. */
export interface AccountView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly initials: string;
  readonly state: AccountState;
  readonly active: boolean;
  /** A demo mailbox account: it signs in again through the demo, never through Google. */
  readonly demo?: boolean;
}

export interface AuthStatus {
  /** Which OAuth client is configured: a Google one, or none (demo only). */
  readonly client: 'google' | 'none';
  /** Where refresh tokens live: encrypted by the OS keychain, or only in memory this session. */
  readonly storage: 'encrypted' | 'memory_only';
  /** How to create a Desktop OAuth client, shown when none is configured. */
  readonly help: string;
}

export interface SignInPending {
  /** The consent page URL, opened in the system browser; shown so people can copy it. */
  readonly url: string;
}

export interface SyncStatus {
  readonly accountId: string;
  /** `rate_limited`: Gmail asked us to slow down (not offline); `resumeAt` says until when. */
  readonly phase: 'idle' | 'initial' | 'incremental' | 'error' | 'offline' | 'rate_limited';
  readonly cachedMessages: number;
  readonly totalMessages: number | null;
  readonly etaSeconds: number | null;
  readonly lastSyncedAt: number | null;
  readonly message: string | null;
  /** Epoch ms when a rate-limited sync expects to go on. */
  readonly resumeAt?: number | null;
  /** Where to fix a setup problem (the Cloud console page to enable the Gmail API). */
  readonly helpUrl?: string | null;
}

export interface MailChanged {
  readonly accountId: string;
  readonly added: number;
  readonly deleted: number;
  readonly relabelled: number;
}

export interface AttachmentPreview {
  /** An image is drawn by <img>; a PDF's bytes are decoded and drawn on <canvas> by pdf.js. */
  readonly kind: 'image' | 'pdf';
  readonly mimeType: string;
  /** A data: URL of the file (base64: the same over Electron IPC and the test bridge). */
  readonly dataUrl: string;
}

export interface SavedAttachment {
  readonly saved: boolean;
  /** The file name chosen (never a full path). */
  readonly fileName: string | null;
}

const id = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\w.@+-]+$/, 'must be an id');
const query = z.string().max(2048);
const selector = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('label'), labelId: id }).strict(),
  z.object({ kind: z.literal('query'), query }).strict(),
]);
const partId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^\d+(\.\d+)*$/, 'must be a part id');
const listOptions = z
  .object({ pageToken: z.string().max(512).nullable().optional(), threads: z.boolean().optional(), pageSize: z.number().int().min(1).max(500).optional() })
  .strict();

/** The unified inbox's token packs one cursor per account, so it is longer than an account's own. */
const unifiedListOptions = listOptions.extend({ pageToken: z.string().max(8192).nullable().optional() }).strict();

export const requests = {
  getAppInfo: request<AppInfo>()('app:get-info', z.tuple([])),
  openExternal: request<null>()('app:open-external', z.tuple([httpUrl])),
  /** Main writes the text to the clipboard: the renderer's clipboard permission is denied. */
  copyText: request<null>()('app:copy-text', z.tuple([z.string().max(8192)])),
  /** The OS locale (app.getLocale()) and the stored language choice. */
  getLocaleSettings: request<LocaleSettings>()('app:get-locale', z.tuple([])),
  setLocalePreference: request<LocaleSettings>()('app:set-locale', z.tuple([z.enum(LOCALE_PREFERENCES as [LocalePreference, ...LocalePreference[]])])),

  getAuthStatus: request<AuthStatus>()('auth:get-status', z.tuple([])),
  importClientSecret: request<AuthStatus | null>()('auth:import-client-secret', z.tuple([])),
  signIn: request<AccountView>()('auth:sign-in', z.tuple([z.object({ accountId: id.optional() }).strict()])),
  startDemo: request<AccountView>()('auth:start-demo', z.tuple([])),
  cancelSignIn: request<null>()('auth:cancel-sign-in', z.tuple([])),

  listAccounts: request<AccountView[]>()('accounts:list', z.tuple([])),
  switchAccount: request<null>()('accounts:switch', z.tuple([id])),
  signOut: request<null>()('accounts:sign-out', z.tuple([id])),

  listLabels: request<LabelSummary[]>()('mail:list-labels', z.tuple([id])),
  listMessages: request<MessagePage>()('mail:list-messages', z.tuple([id, selector, listOptions])),
  /** "All inboxes": the selector over every signed-in account, merged newest first; each row names its account. */
  listUnified: request<MessagePage>()('mail:list-unified', z.tuple([selector, unifiedListOptions])),
  getThread: request<ThreadDetail>()('mail:get-thread', z.tuple([id, id])),
  /** The attachment is named by its MIME part id ("1", "1.2"): Gmail's attachment ids change between calls. */
  saveAttachment: request<SavedAttachment>()(
    'mail:save-attachment',
    z.tuple([
      id,
      id,
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^\d+(\.\d+)*$/, 'must be a part id'),
    ]),
  ),
  /** A body too large to display, saved as text (its HTML source, never as a page a browser would run). */
  saveMessageBody: request<SavedAttachment>()('mail:save-message-body', z.tuple([id, id])),
  previewAttachment: request<AttachmentPreview>()('mail:preview-attachment', z.tuple([id, id, partId])),
  /** Writes a copy under the app's folder and opens it with the system's app; refuses programs and scripts. */
  openAttachment: request<{ fileName: string }>()('mail:open-attachment', z.tuple([id, id, partId])),
  suggestSenders: request<string[]>()('mail:suggest-senders', z.tuple([id, z.string().max(256)])),

  getSyncStatus: request<SyncStatus>()('sync:get-status', z.tuple([id])),
  syncNow: request<null>()('sync:now', z.tuple([id])),

  getSettings: request<ViewSettings>()('settings:get', z.tuple([])),
  /** Changes some settings; replies with all of them as stored. */
  updateSettings: request<ViewSettings>()('settings:update', z.tuple([viewSettingsPatchSchema])),
} as const;

export const events = {
  accountsChanged: event<AccountView[]>('event:accounts-changed'),
  signInPending: event<SignInPending>('event:sign-in-pending'),
  syncProgress: event<SyncStatus>('event:sync-progress'),
  /** A sync changed an account's mail: open lists and counts refresh in place. */
  mailChanged: event<MailChanged>('event:mail-changed'),
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type Events = typeof events;
export type EventName = keyof Events;

export type RequestArgs<N extends RequestName> = z.infer<Requests[N]['args']>;
export type RequestReply<N extends RequestName> = Exclude<Requests[N]['reply'], undefined>;
export type EventPayload<N extends EventName> = Exclude<Events[N] extends EventChannel<infer P> ? P : never, undefined>;

/** The shape of `window.skimmer` as the renderer sees it. */
export type SkimmerApi = {
  readonly [N in RequestName]: (...args: RequestArgs<N>) => Promise<IpcResult<RequestReply<N>>>;
} & {
  readonly on: {
    readonly [N in EventName]: (listener: (payload: EventPayload<N>) => void) => () => void;
  };
};
