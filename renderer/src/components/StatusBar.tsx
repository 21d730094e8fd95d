import type { AppInfo } from '../../../common/ipc';

interface StatusBarProps {
  readonly info: AppInfo | null;
  readonly error: string | null;
}

export function StatusBar({ info, error }: StatusBarProps) {
  return (
    <footer className="statusbar" role="contentinfo">
      <span className="statusbar__item" data-testid="status-connection">
        <span className={`dot ${error ? 'dot--error' : ''}`} aria-hidden="true" />
        {error ? error : 'Not signed in'}
      </span>
      <span className="statusbar__spacer" />
      <span className="statusbar__item" data-testid="status-version">
        {info ? `${info.name} ${info.version}` : '…'}
      </span>
    </footer>
  );
}
