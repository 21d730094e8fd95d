import type { SearchableMessage } from '../../common/gmail-query/searchable';
import { HistoryLog, type HistoryLimit } from './history';
import { SYSTEM_LABEL_IDS, USER_APPLICABLE_SYSTEM_LABELS } from './labels';
import { messageIdFor, parseMessage, type ParsedMessage } from './message';
import { assignThreads } from './threading';
import { UserLabels } from './user-labels';
import {
  MailboxError,
  type GmailLabel,
  type HistoryMessageRef,
  type HistoryRecord,
  type LabelCounts,
  type Profile,
  type LoadEntry,
  type LoadStats,
  type StoredMessage,
} from './types';

const FIRST_HISTORY_ID = 1000;

function emailsIn(value: string): string[] {
  return (value.match(/[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+/g) ?? []).map((a) => a.toLowerCase());
}

function byNewest(a: StoredMessage, b: StoredMessage): number {
  return b.internalDate - a.internalDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * An in-memory Gmail mailbox: messages with labels, threads, user labels and the history log.
 * The HTTP server reads it; tests and the demo mutate it through add / modify / delete.
 */
export class Mailbox {
  readonly email: string;
  loadStats: LoadStats = { files: 0, messages: 0, skipped: 0, warnings: [], ms: 0 };

  private readonly messages = new Map<string, StoredMessage>();
  private readonly threadMembers = new Map<string, Set<string>>();
  /** RFC 822 Message-ID -> threadId, so a later reply joins its thread. */
  private readonly threadByRfcId = new Map<string, string>();
  private readonly rfcIdOf = new Map<string, string>();
  private readonly userLabels = new UserLabels();
  private readonly log = new HistoryLog(FIRST_HISTORY_ID);
  private sorted: StoredMessage[] | null = null;
  private addSeq = 0;

  constructor(email: string) {
    this.email = email;
  }

  list(): StoredMessage[] {
    if (!this.sorted) this.sorted = [...this.messages.values()].sort(byNewest);
    return this.sorted.slice();
  }

  get(id: string): StoredMessage | undefined {
    return this.messages.get(id);
  }

  thread(threadId: string): StoredMessage[] {
    const ids = this.threadMembers.get(threadId);
    if (!ids) return [];
    return [...ids].map((id) => this.messages.get(id)!).sort((a, b) => -byNewest(a, b));
  }

  threadIds(): string[] {
    const latest = new Map<string, number>();
    for (const m of this.list()) if (!latest.has(m.threadId)) latest.set(m.threadId, m.internalDate);
    return [...latest.keys()];
  }

  labels(): GmailLabel[] {
    return this.userLabels.all();
  }

  label(id: string): GmailLabel | undefined {
    return this.userLabels.get(id);
  }

  /** Label id for a user label name (case-insensitive), if it exists. */
  labelIdByName(name: string): string | undefined {
    return this.userLabels.idByName(name);
  }

  labelCounts(id: string): LabelCounts {
    let messagesTotal = 0;
    let messagesUnread = 0;
    const threads = new Set<string>();
    const unreadThreads = new Set<string>();
    for (const m of this.messages.values()) {
      if (!m.labelIds.includes(id)) continue;
      messagesTotal++;
      threads.add(m.threadId);
      if (m.labelIds.includes('UNREAD')) {
        messagesUnread++;
        unreadThreads.add(m.threadId);
      }
    }
    return { messagesTotal, messagesUnread, threadsTotal: threads.size, threadsUnread: unreadThreads.size };
  }

  get historyId(): string {
    return String(this.log.current);
  }

  historySince(startHistoryId: string, maxKept?: number): HistoryRecord[] | 'too_old' {
    return this.log.since(startHistoryId, maxKept);
  }

  /** How much history is kept (default: 100,000 records, one week). */
  setHistoryLimit(limit: HistoryLimit): void {
    this.log.setLimit(limit);
  }

  /** Drops all history: every start id older than the current one is then 'too_old'. */
  expireHistory(): void {
    this.log.expire();
  }

  profile(): Profile {
    return { emailAddress: this.email, messagesTotal: this.messages.size, threadsTotal: this.threadMembers.size, historyId: this.historyId };
  }

  createLabel(name: string, opts: Partial<Pick<GmailLabel, 'messageListVisibility' | 'labelListVisibility' | 'color'>> = {}): GmailLabel {
    return this.userLabels.create(name, opts);
  }

  /** The user label with this name, created (with its parents, "a" for "a/b") when missing. */
  ensureUserLabel(name: string): string {
    return this.userLabels.ensure(name);
  }

  updateLabel(id: string, patch: Partial<Pick<GmailLabel, 'name' | 'messageListVisibility' | 'labelListVisibility' | 'color'>>): GmailLabel {
    return this.userLabels.update(id, patch);
  }

  /** Deletes a user label and takes it off every message (recorded as labelsRemoved). */
  deleteLabel(id: string): boolean {
    if (SYSTEM_LABEL_IDS.has(id)) throw new MailboxError('SYSTEM_LABEL_IMMUTABLE', `Invalid delete request: ${id}`);
    if (!this.userLabels.has(id)) return false;
    for (const m of this.messages.values()) if (m.labelIds.includes(id)) this.modify(m.id, [], [id]);
    this.userLabels.remove(id);
    return true;
  }

  // ---- mutations (recorded in history) ----

  /**
   * Adds a message as messages.insert / import would. Labels default to the load rule
   * (SENT for mail from the account, else INBOX + UNREAD); internalDate to the Date header, else now.
   */
  add(raw: Buffer, opts: { labelIds?: string[]; internalDate?: number } = {}): StoredMessage {
    let id = messageIdFor(raw, `added:${this.addSeq++}`);
    while (this.messages.has(id)) id = messageIdFor(raw, `added:${this.addSeq++}`);
    const parsed = parseMessage(raw, { id });
    const labelIds = opts.labelIds ? [...new Set(opts.labelIds)] : this.defaultLabels(parsed);
    for (const l of labelIds) this.assertLabel(l, false);
    const internalDate = opts.internalDate ?? parsed.date ?? Date.now();
    const threadId = this.threadFor(parsed) ?? id;
    let stored: StoredMessage | undefined;
    this.log.record((hid) => {
      stored = this.store(parsed, labelIds, internalDate, threadId, hid);
      return { id: hid, messages: [{ id, threadId }], messagesAdded: [{ message: this.ref(stored) }] };
    });
    return stored!;
  }

  /** messages.modify: returns undefined for an unknown id; throws MailboxError for a bad label. */
  modify(id: string, addLabelIds: string[], removeLabelIds: string[]): StoredMessage | undefined {
    const m = this.messages.get(id);
    if (!m) return undefined;
    for (const l of addLabelIds) this.assertLabel(l, true);
    for (const l of removeLabelIds) this.assertLabel(l, true);
    const added = [...new Set(addLabelIds)].filter((l) => !m.labelIds.includes(l) && !removeLabelIds.includes(l));
    const removed = [...new Set(removeLabelIds)].filter((l) => m.labelIds.includes(l));
    if (added.length === 0 && removed.length === 0) return m;
    this.setLabels(m, [...m.labelIds.filter((l) => !removed.includes(l)), ...added]);
    this.log.record((hid) => {
      m.historyId = hid;
      const record: HistoryRecord = { id: hid, messages: [{ id: m.id, threadId: m.threadId }] };
      if (added.length) record.labelsAdded = [{ message: this.ref(m), labelIds: added }];
      if (removed.length) record.labelsRemoved = [{ message: this.ref(m), labelIds: removed }];
      return record;
    });
    return m;
  }

  /** Permanent delete (messages.delete); recorded as messagesDeleted. */
  delete(id: string): boolean {
    const m = this.messages.get(id);
    if (!m) return false;
    this.messages.delete(id);
    this.sorted = null;
    const members = this.threadMembers.get(m.threadId);
    members?.delete(id);
    if (members && members.size === 0) this.threadMembers.delete(m.threadId);
    const rfcId = this.rfcIdOf.get(id);
    this.rfcIdOf.delete(id);
    if (rfcId && ![...this.rfcIdOf.values()].includes(rfcId)) this.threadByRfcId.delete(rfcId);
    this.log.record((hid) => ({ id: hid, messages: [{ id, threadId: m.threadId }], messagesDeleted: [{ message: this.ref(m) }] }));
    return true;
  }

  // ---- bulk load (no history) ----

  /** Adds loaded messages: threads them (X-GM-THRID, else References/In-Reply-To), assigns historyIds oldest first. */
  populate(entries: LoadEntry[]): void {
    const { order, threadOf } = assignThreads(entries, {
      hasMessage: (id) => this.messages.has(id),
      threadIds: this.threadMembers.keys(),
      threadByRfcId: this.threadByRfcId,
    });
    for (const e of order) {
      if (this.messages.has(e.parsed.id)) {
        this.loadStats.skipped++;
        this.loadStats.warnings.push(`duplicate message id ${e.parsed.id} skipped`);
        continue;
      }
      this.store(e.parsed, e.labelIds, e.internalDate, threadOf(e), String(this.log.bump()));
    }
  }

  /** Load-time default labels for mail without Takeout labels. */
  defaultLabels(parsed: ParsedMessage): string[] {
    const own = this.email.toLowerCase();
    if (emailsIn(parsed.from).includes(own)) return ['SENT'];
    return parsed.statusRead ? ['INBOX'] : ['UNREAD', 'INBOX'];
  }

  private threadFor(parsed: ParsedMessage): string | undefined {
    if (parsed.gmThreadId && this.threadMembers.has(parsed.gmThreadId)) return parsed.gmThreadId;
    for (const key of parsed.referenceKeys) {
      const t = this.threadByRfcId.get(key);
      if (t && this.threadMembers.has(t)) return t;
    }
    return parsed.gmThreadId;
  }

  private assertLabel(id: string, modifying: boolean): void {
    if (!SYSTEM_LABEL_IDS.has(id) && !this.userLabels.has(id)) throw new MailboxError('INVALID_LABEL', `Invalid label: ${id}`);
    if (modifying && SYSTEM_LABEL_IDS.has(id) && !USER_APPLICABLE_SYSTEM_LABELS.has(id)) {
      throw new MailboxError('LABEL_NOT_APPLICABLE', `Invalid label: ${id}`);
    }
  }

  private ref(m: StoredMessage): HistoryMessageRef {
    return { id: m.id, threadId: m.threadId, labelIds: [...m.labelIds] };
  }

  private setLabels(m: StoredMessage, labelIds: string[]): void {
    m.labelIds = labelIds;
    m.searchable = { ...m.searchable, labelIds: [...labelIds] };
  }

  private store(parsed: ParsedMessage, labelIds: string[], internalDate: number, threadId: string, historyId: string): StoredMessage {
    const searchable: SearchableMessage = {
      id: parsed.id,
      threadId,
      internalDate,
      sizeEstimate: parsed.sizeEstimate,
      labelIds: [...labelIds],
      from: parsed.from,
      to: parsed.to,
      cc: parsed.cc,
      bcc: parsed.bcc,
      deliveredTo: parsed.deliveredTo,
      subject: parsed.subject,
      listId: parsed.listId,
      rfc822MessageId: parsed.rfc822MessageId,
      bodyText: parsed.bodyText,
      attachments: parsed.attachmentList,
    };
    const stored: StoredMessage = {
      id: parsed.id,
      threadId,
      labelIds: [...labelIds],
      internalDate,
      historyId,
      sizeEstimate: parsed.sizeEstimate,
      snippet: parsed.snippet,
      raw: parsed.raw,
      payload: parsed.payload,
      attachments: parsed.attachments,
      searchable,
    };
    this.messages.set(stored.id, stored);
    this.sorted = null;
    let members = this.threadMembers.get(threadId);
    if (!members) this.threadMembers.set(threadId, (members = new Set()));
    members.add(stored.id);
    if (parsed.messageIdKey) {
      this.rfcIdOf.set(stored.id, parsed.messageIdKey);
      if (!this.threadByRfcId.has(parsed.messageIdKey)) this.threadByRfcId.set(parsed.messageIdKey, threadId);
    }
    return stored;
  }
}
