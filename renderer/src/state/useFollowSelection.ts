import { useEffect, useRef } from 'react';
import type { ListRow } from '../../../common/mail-types';
import { rowKey } from '../lib/row-key';

/**
 * A refresh in place can insert rows above the selection: follow the selected row, not its old
 * index. Only when the rows themselves were replaced, not when the person moved the selection.
 */
export function useFollowSelection(
  rows: readonly ListRow[],
  selectedIndex: number,
  threads: boolean,
  /** Stable per list (a useCallback), like the old effect's listKey dependency. */
  onMoved: (index: number) => void,
): void {
  const selectedKey = useRef<{ rows: readonly ListRow[]; key: string | null }>({ rows: [], key: null });
  useEffect(() => {
    const keyOf = (r: ListRow) => rowKey(r, threads);
    const previous = selectedKey.current;
    const row = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
    if (previous.rows !== rows && previous.rows.length > 0 && previous.key !== null && row && keyOf(row) !== previous.key) {
      const index = rows.findIndex((r) => keyOf(r) === previous.key);
      if (index >= 0) {
        selectedKey.current = { rows, key: previous.key };
        onMoved(index);
        return;
      }
    }
    selectedKey.current = { rows, key: row ? keyOf(row) : null };
  }, [rows, selectedIndex, threads, onMoved]);
}
