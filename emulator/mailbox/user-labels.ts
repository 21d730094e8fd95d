/** A mailbox's user labels (Label_1, Label_2, …) beside the fixed system labels: names, ids, settings. */
import { SYSTEM_LABELS, SYSTEM_LABEL_IDS } from './labels';
import { MailboxError, type GmailLabel } from './types';

type LabelSettings = Partial<Pick<GmailLabel, 'messageListVisibility' | 'labelListVisibility' | 'color'>>;

export class UserLabels {
  private readonly byId = new Map<string, GmailLabel>();
  private nextNumber = 1;

  has(id: string): boolean {
    return this.byId.has(id);
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }

  /** System labels, then user labels, as copies. */
  all(): GmailLabel[] {
    return [...SYSTEM_LABELS, ...this.byId.values()].map((l) => ({ ...l }));
  }

  get(id: string): GmailLabel | undefined {
    const l = SYSTEM_LABELS.find((s) => s.id === id) ?? this.byId.get(id);
    return l ? { ...l } : undefined;
  }

  /** Label id for a user label name (case-insensitive), if it exists. */
  idByName(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const l of this.byId.values()) if (l.name.toLowerCase() === lower) return l.id;
    return SYSTEM_LABEL_IDS.has(name) ? name : undefined;
  }

  create(name: string, opts: LabelSettings = {}): GmailLabel {
    const clean = name.trim();
    if (clean === '' || clean.length > 225 || clean.split('/').some((s) => s.trim() === '')) {
      throw new MailboxError('INVALID_LABEL_NAME', `Invalid label name: ${name}`);
    }
    if (this.idByName(clean) || SYSTEM_LABEL_IDS.has(clean.toUpperCase())) {
      throw new MailboxError('LABEL_EXISTS', 'Label name exists or conflicts');
    }
    const label: GmailLabel = {
      id: `Label_${this.nextNumber++}`,
      name: clean,
      type: 'user',
      messageListVisibility: opts.messageListVisibility ?? 'show',
      labelListVisibility: opts.labelListVisibility ?? 'labelShow',
      ...(opts.color ? { color: opts.color } : {}),
    };
    this.byId.set(label.id, label);
    return { ...label };
  }

  /** The user label with this name, created (with its parents, "a" for "a/b") when missing. */
  ensure(name: string): string {
    const segments = name
      .split('/')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    let id = '';
    for (let i = 1; i <= segments.length; i++) {
      const path = segments.slice(0, i).join('/');
      // "Inbox/2019": the reserved parent is the system label, not a new user label
      const reserved = SYSTEM_LABEL_IDS.has(path.toUpperCase()) ? path.toUpperCase() : undefined;
      id = this.idByName(path) ?? reserved ?? this.create(path).id;
    }
    return id;
  }

  update(id: string, patch: Partial<Pick<GmailLabel, 'name' | 'messageListVisibility' | 'labelListVisibility' | 'color'>>): GmailLabel {
    const label = this.byId.get(id);
    if (!label) throw new MailboxError(SYSTEM_LABEL_IDS.has(id) ? 'SYSTEM_LABEL_IMMUTABLE' : 'INVALID_LABEL', `Invalid label: ${id}`);
    if (patch.name !== undefined) {
      const clean = patch.name.trim();
      const other = this.idByName(clean);
      if (clean === '') throw new MailboxError('INVALID_LABEL_NAME', `Invalid label name: ${patch.name}`);
      if ((other && other !== id) || SYSTEM_LABEL_IDS.has(clean.toUpperCase())) throw new MailboxError('LABEL_EXISTS', 'Label name exists or conflicts');
      label.name = clean;
    }
    if (patch.messageListVisibility) label.messageListVisibility = patch.messageListVisibility;
    if (patch.labelListVisibility) label.labelListVisibility = patch.labelListVisibility;
    if (patch.color) label.color = patch.color;
    return { ...label };
  }
}
