import { useEffect, useState } from 'react';
import type { IpcError } from '../../../common/ipc';
import type { ThreadDetail } from '../../../common/mail-types';
import { skimmer } from '../api';

export interface ThreadState {
  readonly thread: ThreadDetail | null;
  readonly loading: boolean;
  readonly error: IpcError | null;
}

export function useThread(accountId: string | null, threadId: string | null, reloadKey = 0): ThreadState {
  const [state, setState] = useState<ThreadState & { key: string }>({ thread: null, loading: false, error: null, key: '' });
  const key = accountId && threadId ? `${accountId}|${threadId}|${reloadKey}` : '';

  useEffect(() => {
    if (!accountId || !threadId) return;
    let cancelled = false;
    skimmer()
      .getThread(accountId, threadId)
      .then((reply) => {
        if (cancelled) return;
        if (reply.ok) setState({ thread: reply.value, loading: false, error: null, key });
        else setState({ thread: null, loading: false, error: reply.error, key });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ thread: null, loading: false, error: { code: 'internal', message: String(error) }, key });
      });
    return () => {
      cancelled = true;
    };
  }, [accountId, threadId, key]);

  if (!key) return { thread: null, loading: false, error: null };
  if (state.key !== key) return { thread: null, loading: true, error: null };
  return state;
}
