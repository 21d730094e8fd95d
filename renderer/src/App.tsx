import { useEffect, useState } from 'react';
import type { AppInfo } from '../../common/ipc';
import { skimmer } from './api';
import { ReadingPane } from './components/ReadingPane';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { TitleBar } from './components/TitleBar';
import { Welcome } from './components/Welcome';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [bridgeError, setBridgeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    skimmer()
      .getAppInfo()
      .then((reply) => {
        if (cancelled) return;
        if (reply.ok) setInfo(reply.value);
        else setBridgeError(reply.error.message);
      })
      .catch((error: unknown) => {
        if (!cancelled) setBridgeError(error instanceof Error ? error.message : 'Cannot reach Skimmer.');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const comingSoon = () => setNotice('Sign-in is not available in this build yet.');

  return (
    <div className="app" data-shell={info?.shell ?? 'unknown'}>
      <TitleBar searchEnabled={false} />
      <div className="app__body">
        <Sidebar onAddAccount={comingSoon} />
        <main className="message-list" aria-label="Messages">
          <Welcome onSignIn={comingSoon} onTryDemo={comingSoon} notice={notice} />
        </main>
        <ReadingPane />
      </div>
      <StatusBar info={info} error={bridgeError} />
    </div>
  );
}
