/** The mail view's state in one place: which mailbox or search, what is selected, what is open. */
import type { MailSelector } from '../../../common/mail-types';

export const INBOX: MailSelector = { kind: 'label', labelId: 'INBOX' };

export interface OpenConversation {
  readonly threadId: string;
  readonly messageId: string;
  /** The person moved to this message with n/p, so the pane scrolls to it even in thread view. */
  readonly stepped?: boolean;
  /** Opened from the unified inbox: the account it belongs to (else the active one). */
  readonly accountId?: string | undefined;
}

export interface ViewState {
  readonly mailbox: MailSelector;
  /** `all`: the unified inbox, every account's inbox (and searches) merged. */
  readonly scope: 'account' | 'all';
  /** What the search box shows. */
  readonly search: string;
  /** The search the list runs (the box, debounced, trimmed). */
  readonly query: string;
  /** Selection is tied to the list it was made in; a new list starts with nothing selected. */
  readonly selection: { readonly listKey: string; readonly index: number };
  readonly open: OpenConversation | null;
  readonly threadReload: number;
  readonly dialog: 'help' | 'settings' | null;
}

export type ViewAction =
  | { readonly type: 'selectMailbox'; readonly mailbox: MailSelector }
  | { readonly type: 'selectAllInboxes' }
  | { readonly type: 'typeSearch'; readonly search: string }
  | { readonly type: 'runQuery'; readonly query: string }
  | { readonly type: 'clearSearch' }
  | { readonly type: 'select'; readonly listKey: string; readonly index: number }
  | { readonly type: 'open'; readonly listKey: string; readonly index: number; readonly conversation: OpenConversation }
  | { readonly type: 'focusMessage'; readonly messageId: string }
  | { readonly type: 'close' }
  | { readonly type: 'reloadThread' }
  | { readonly type: 'showDialog'; readonly dialog: ViewState['dialog'] };

export const initialView: ViewState = {
  mailbox: INBOX,
  scope: 'account',
  search: '',
  query: '',
  selection: { listKey: '', index: -1 },
  open: null,
  threadReload: 0,
  dialog: null,
};

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'selectMailbox':
      return { ...state, mailbox: action.mailbox, scope: 'account', search: '', query: '', open: null };
    case 'selectAllInboxes':
      return { ...state, mailbox: INBOX, scope: 'all', search: '', query: '', open: null };
    case 'typeSearch':
      return { ...state, search: action.search };
    case 'runQuery':
      // A different search is a different list: the old conversation closes with the old results.
      if (action.query === state.query) return state;
      return { ...state, query: action.query, open: null };
    case 'clearSearch':
      if (state.search === '' && state.query === '') return state;
      return { ...state, search: '', query: '', open: null };
    case 'select':
      return { ...state, selection: { listKey: action.listKey, index: action.index } };
    case 'open':
      return { ...state, selection: { listKey: action.listKey, index: action.index }, open: action.conversation };
    case 'focusMessage':
      return state.open ? { ...state, open: { ...state.open, messageId: action.messageId, stepped: true } } : state;
    case 'close':
      return { ...state, open: null };
    case 'reloadThread':
      return { ...state, threadReload: state.threadReload + 1 };
    case 'showDialog':
      return { ...state, dialog: action.dialog };
  }
}
