/**
 * What a run of `history.list` records means for the cache, folded in order: a message added
 * then deleted is only deleted, a label added then removed is only removed, and label changes
 * of a message that is (re)fetched anyway are dropped.
 */
import type { gmail_v1 } from '@googleapis/gmail';

export interface LabelOps {
  readonly add: Set<string>;
  readonly remove: Set<string>;
}

export interface HistoryChanges {
  readonly toFetch: Set<string>;
  readonly toDelete: Set<string>;
  readonly labelOps: Map<string, LabelOps>;
}

export function foldHistory(records: readonly gmail_v1.Schema$History[]): HistoryChanges {
  const toFetch = new Set<string>();
  const toDelete = new Set<string>();
  const labelOps = new Map<string, LabelOps>();
  const move = (id: string, into: Set<string>, outOf: Set<string>) => {
    outOf.delete(id);
    labelOps.delete(id);
    into.add(id);
  };
  const relabel = (changes: readonly gmail_v1.Schema$HistoryLabelAdded[] | undefined, added: boolean) => {
    for (const change of changes ?? []) {
      const id = change.message?.id;
      if (!id || toFetch.has(id) || toDelete.has(id)) continue;
      let ops = labelOps.get(id);
      if (!ops) labelOps.set(id, (ops = { add: new Set(), remove: new Set() }));
      const [into, outOf] = added ? [ops.add, ops.remove] : [ops.remove, ops.add];
      for (const label of change.labelIds ?? []) {
        into.add(label);
        outOf.delete(label);
      }
    }
  };
  for (const record of records) {
    for (const a of record.messagesAdded ?? []) if (a.message?.id) move(a.message.id, toFetch, toDelete);
    for (const d of record.messagesDeleted ?? []) if (d.message?.id) move(d.message.id, toDelete, toFetch);
    relabel(record.labelsAdded, true);
    relabel(record.labelsRemoved, false);
  }
  return { toFetch, toDelete, labelOps };
}
