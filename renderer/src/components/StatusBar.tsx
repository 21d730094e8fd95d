import type { AppInfo, SyncStatus } from '../../../common/ipc';
import { formatEta } from '../lib/format';
import { useEffect, useState } from 'react';
import { skimmer } from '../api';
import { WifiOffIcon } from './icons';
import { useFormat, useT } from '../i18n/useLocale';
import '../styles/statusbar.css';

const SOURCE_LABELS = { cache: 'status.source.cache', api: 'status.source.api', merged: 'status.source.merged' } as const;
const SOURCE_TITLES = { cache: 'status.sourceTitle.cache', api: 'status.sourceTitle.api', merged: 'status.sourceTitle.merged' } as const;

/** "Gmail asked Skimmer to slow down; resuming in 40 s", counting down each second. */
function RateLimitText({ sync }: { readonly sync: SyncStatus }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = sync.resumeAt ? Math.round((sync.resumeAt - now) / 1000) : null;
  return <>{seconds !== null && seconds > 0 ? t('status.rateLimitedIn', { seconds }) : t('status.rateLimitedSoon')}</>;
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
  const t = useT();
  const format = useFormat();
  const syncing = sync && (sync.phase === 'initial' || sync.phase === 'incremental' || sync.phase === 'rate_limited');
  const total = sync?.totalMessages ?? null;
  const fraction = syncing && total && total > 0 ? Math.min(1, sync.cachedMessages / total) : null;
  return (
    <footer className="statusbar window-bar" role="contentinfo">
      <span className="statusbar__item" data-testid="status-connection">
        {error ? (
          <>
            <span className="dot dot--error" aria-hidden="true" />
            {error}
          </>
        ) : onReauth ? (
          <span className="statusbar__limited" data-testid="status-reauth">
            <span className="dot dot--warning" aria-hidden="true" />
            {t('status.signedOutByGoogle')}
            <button type="button" className="link-button" onClick={onReauth}>
              {t('app.signInAgain')}
            </button>
          </span>
        ) : sync?.phase === 'rate_limited' ? (
          <span className="statusbar__limited" data-testid="rate-limited-indicator" title={t('status.rateLimitedTitle')}>
            <span className="dot dot--warning" aria-hidden="true" />
            <RateLimitText sync={sync} />
          </span>
        ) : offline || sync?.phase === 'offline' ? (
          <span className="statusbar__offline" data-testid="offline-indicator">
            <WifiOffIcon size={13} /> {t('status.offline')}
          </span>
        ) : sync?.phase === 'error' ? (
          <>
            <span className="dot dot--error" aria-hidden="true" />
            {sync.message ?? t('status.syncFailed')}
            {sync.helpUrl ? (
              <button type="button" className="link-button" data-testid="status-help-link" onClick={() => void skimmer().openExternal(sync.helpUrl!)}>
                {t('status.openConsole')}
              </button>
            ) : null}
          </>
        ) : signedIn ? (
          <>
            <span className="dot dot--ok" aria-hidden="true" />
            {syncing ? t('status.syncing') : t('status.upToDate')}
          </>
        ) : (
          <>
            <span className="dot" aria-hidden="true" />
            {t('status.notSignedIn')}
          </>
        )}
      </span>
      {syncing ? (
        <span className="statusbar__item statusbar__sync" data-testid="sync-progress">
          <span
            className={`progress ${fraction === null ? 'progress--indeterminate' : ''}`}
            role="progressbar"
            aria-label={t('status.progress')}
            aria-valuemin={0}
            aria-valuemax={total ?? undefined}
            aria-valuenow={fraction === null ? undefined : sync.cachedMessages}
          >
            <span className="progress__fill" style={fraction === null ? undefined : { width: `${(fraction * 100).toFixed(1)}%` }} />
          </span>
          <span>
            {total !== null
              ? t('status.progressCountOf', { cached: format.count(sync.cachedMessages), total: format.count(total) })
              : t('status.progressCount', { cached: format.count(sync.cachedMessages) })}
          </span>
          {sync.etaSeconds !== null ? <span className="statusbar__faint">{formatEta(sync.etaSeconds, t)}</span> : null}
        </span>
      ) : sync && sync.phase === 'idle' && sync.cachedMessages > 0 ? (
        <span className="statusbar__item statusbar__faint" data-testid="status-on-computer">
          {t('status.onComputer', { count: format.count(sync.cachedMessages) })}
          {sync.lastSyncedAt ? ` · ${t('status.syncedAgo', { when: format.relative(sync.lastSyncedAt) })}` : ''}
        </span>
      ) : null}
      <span className="statusbar__spacer" />
      {source ? (
        <span className="statusbar__item" data-testid="status-source" title={t(SOURCE_TITLES[source])}>
          <span className={`source-pill source-pill--${source === 'merged' ? 'api' : source}`}>{t(SOURCE_LABELS[source])}</span>
        </span>
      ) : null}
      <span className="statusbar__item statusbar__faint" data-testid="status-version">
        {info ? `${info.name} ${info.version}` : '…'}
      </span>
    </footer>
  );
}
