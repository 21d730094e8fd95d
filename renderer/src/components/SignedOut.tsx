import type { AppInfo, AuthStatus } from '../../../common/ipc';
import { FeaturePeek } from './FeaturePeek';
import { SignIn } from './SignIn';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { useT } from '../i18n/useLocale';
import '../styles/signed-out.css';

interface SignedOutProps {
  readonly info: AppInfo | null;
  readonly bridgeError: string | null;
  readonly authStatus: AuthStatus | null;
  readonly onAuthStatus: (status: AuthStatus) => void;
  readonly notice: string | null;
  readonly onDone: () => void;
}

/** The first screen: the same frame as the mail view, with sign-in where the list goes. */
export function SignedOut({ info, bridgeError, authStatus, onAuthStatus, notice, onDone }: SignedOutProps) {
  const t = useT();
  return (
    <div className="app app--signed-out" data-shell={info?.shell ?? 'unknown'}>
      <TitleBar />
      <div className="app__body">
        <nav className="sidebar" aria-label={t('region.accountsAndLabels')}>
          <div className="nav-section__title nav-section__title--static">{t('region.accounts')}</div>
          <p className="sidebar__hint">{t('signedOut.noAccount')}</p>
        </nav>
        <main className="message-list signin-column" aria-label={t('region.messages')}>
          <SignIn authStatus={authStatus} onAuthStatus={onAuthStatus} notice={notice} onDone={onDone} />
        </main>
        <section className="reading-pane" aria-label={t('region.readingPane')}>
          <FeaturePeek />
        </section>
      </div>
      <StatusBar info={info} error={bridgeError} signedIn={false} sync={null} source={null} offline={false} />
    </div>
  );
}
