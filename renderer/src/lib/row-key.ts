import type { ListRow } from '../../../common/mail-types';

/**
 * What names a row in its list: the conversation (or the message, ungrouped), prefixed with
 * its account in the unified inbox, where two accounts can hold the same ids.
 */
export function rowKey(row: Pick<ListRow, 'id' | 'threadId' | 'accountId'>, threads: boolean): string {
  const own = threads ? row.threadId : row.id;
  return row.accountId ? `${row.accountId}/${own}` : own;
}
