import type { AppInfo, SyncStatus } from '../../../common/ipc';
import { formatCount, formatEta } from '../lib/format';
import { useEffect, useState } from 'react';
import { skimmer } from '../api';
import { WifiOffIcon } from './icons';
import '../styles/statusbar.css';

const SOURCE_LABELS = { cache: 'On this computer', api: 'From Gmail', merged: 'Gmail + this computer' } as const;
const SOURCE_TITLES = {
  cache: 'Answered from the mail stored on this computer',
  api: 'Answered by Gmail (the local copy is still being made)',
  merged: 'Gmail chose the results; rows already on this computer came from there, the rest from Gmail',
} as const;

/** "Gmail asked Skimmer to slow down; resuming in 40 s", counting down each second. */
function RateLimitText({ sync }: { readonly sync: SyncStatus }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = sync.resumeAt ? Math.round((sync.resumeAt - now) / 1000) : null;
  return <>{seconds !== null && seconds > 0 ? `Gmail asked Skimmer to slow down; resuming in ${seconds} s` : 'Gmail asked Skimmer to slow down; resuming shortly'}</>;
}

interface StatusBarProps {
  readonly info: AppInfo | null;
  readonly error: string | null;
  readonly signedIn: boolean;
  readonly sync: SyncStatus | null;
  readonly source: 'cache' | 'api' | 'merged' | null;
  readonly offline: boolean;
  /** Google signed the account out: say so, with the way back, instead of a sync error. */
  readonly onReauth?: (() => void) | null;
}

export function StatusBar({ info, error, signedIn, sync, source, offline, onReauth }: StatusBarProps) {
  const syncing = sync && (sync.phase === 'initial' || sync.phase === 'incremental' || sync.phase === 'rate_limited');
  const total = sync?.totalMessages ?? null;
  const fraction = syncing && total && total > 0 ? Math.min(1, sync.cachedMessages / total) : null;
  return (
    <footer className="statusbar" role="contentinfo">
      <span className="statusbar__item" data-testid="status-connection">
        {error ? (
          <>
            <span className="dot dot--error" aria-hidden="true" />
            {error}
          </>
        ) : onReauth ? (
          <span className="statusbar__limited" data-testid="status-reauth">
            <span className="dot dot--warning" aria-hidden="true" />
            Google signed this account out. Your mail here is still readable.
            <button type="button" className="link-button" onClick={onReauth}>
              Sign in again
            </button>
          </span>
        ) : sync?.phase === 'rate_limited' ? (
          <span className="statusbar__limited" data-testid="rate-limited-indicator" title="Gmail limits how fast one app may read a mailbox. Skimmer waits and goes on by itself.">
            <span className="dot dot--warning" aria-hidden="true" />
            <RateLimitText sync={sync} />
          </span>
        ) : offline || sync?.phase === 'offline' ? (
          <span className="statusbar__offline" data-testid="offline-indicator">
            <WifiOffIcon size={13} /> Offline
          </span>
        ) : sync?.phase === 'error' ? (
          <>
            <span className="dot dot--error" aria-hidden="true" />
            {sync.message ?? 'Sync failed'}
            {sync.helpUrl ? (
              <button type="button" className="link-button" data-testid="status-help-link" onClick={() => void skimmer().openExternal(sync.helpUrl!)}>
                Open the Cloud console
              </button>
            ) : null}
          </>
        ) : signedIn ? (
          <>
            <span className="dot dot--ok" aria-hidden="true" />
            {syncing ? 'Syncing' : 'Up to date'}
          </>
        ) : (
          <>
            <span className="dot" aria-hidden="true" />
            Not signed in
          </>
        )}
      </span>
      {syncing ? (
        <span className="statusbar__item statusbar__sync" data-testid="sync-progress">
          <span
            className={`progress ${fraction === null ? 'progress--indeterminate' : ''}`}
            role="progressbar"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={total ?? undefined}
            aria-valuenow={fraction === null ? undefined : sync.cachedMessages}
          >
            <span className="progress__fill" style={fraction === null ? undefined : { width: `${(fraction * 100).toFixed(1)}%` }} />
          </span>
          <span>
            {formatCount(sync.cachedMessages)}
            {total !== null ? ` / ${formatCount(total)}` : ''} messages
          </span>
          {sync.etaSeconds !== null ? <span className="statusbar__faint">{formatEta(sync.etaSeconds)}</span> : null}
        </span>
      ) : sync && sync.phase === 'idle' && sync.cachedMessages > 0 ? (
        <span className="statusbar__item statusbar__faint">{formatCount(sync.cachedMessages)} messages on this computer</span>
      ) : null}
      <span className="statusbar__spacer" />
      {source ? (
        <span className="statusbar__item" data-testid="status-source" title={SOURCE_TITLES[source]}>
          <span className={`source-pill source-pill--${source === 'merged' ? 'api' : source}`}>{SOURCE_LABELS[source]}</span>
        </span>
      ) : null}
      <span className="statusbar__item statusbar__faint" data-testid="status-version">
        {info ? `${info.name} ${info.version}` : '…'}
      </span>
    </footer>
  );
}
