import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountView, AppInfo, AuthStatus } from '../../common/ipc';
import { skimmer, takeBootReply } from './api';
import { ConfirmDialog } from './components/ConfirmDialog';
import { MailApp } from './components/MailApp';
import { SignedOut } from './components/SignedOut';
import { SignInDialog } from './components/SignInDialog';
import { useViewSettingsStore, ViewSettingsContext } from './state/view-settings';
import { useT } from './i18n/useLocale';

/** The root: boot splash, the signed-out screen, or the mail view of the active account. */
export function App() {
  const t = useT();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [bridgeError, setBridgeError] = useState<string | null>(() => (typeof window.skimmer === 'undefined' ? t('app.bridgeMissing') : null));
  const [authStatus, setAuthStatus] = useState<AuthStatus | null>(null);
  const [accounts, setAccounts] = useState<readonly AccountView[] | null>(null);
  const [signInFor, setSignInFor] = useState<{ accountId?: string; demo?: boolean } | null>(null);
  const [signOutOf, setSignOutOf] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const viewSettings = useViewSettingsStore();

  const refreshAccounts = useCallback(() => {
    void (takeBootReply('accounts') ?? skimmer().listAccounts()).then((reply) => {
      if (reply.ok) setAccounts(reply.value);
      else setAccounts((prev) => prev ?? []);
    });
  }, []);

  useEffect(() => {
    let cancelled = false;
    if (typeof window.skimmer === 'undefined') return;
    const api = skimmer();
    api
      .getAppInfo()
      .then((reply) => {
        if (cancelled) return;
        if (reply.ok) setInfo(reply.value);
        else setBridgeError(reply.error.message);
      })
      .catch((error: unknown) => {
        if (!cancelled) setBridgeError(error instanceof Error ? error.message : t('app.unreachable'));
      });
    void (takeBootReply('authStatus') ?? api.getAuthStatus()).then((reply) => {
      if (!cancelled && reply.ok) setAuthStatus(reply.value);
    });
    refreshAccounts();
    const off = api.on.accountsChanged((list) => setAccounts(list));
    return () => {
      cancelled = true;
      off();
    };
  }, [refreshAccounts, t]);

  const active = useMemo(() => accounts?.find((a) => a.active) ?? accounts?.[0] ?? null, [accounts]);

  if (accounts === null && !bridgeError) {
    return (
      <div className="app app--boot" data-shell={info?.shell ?? 'unknown'}>
        <div className="boot" aria-busy="true" aria-label={t('app.starting')}>
          <span className="brand-mark brand-mark--large" aria-hidden="true" />
        </div>
      </div>
    );
  }

  if (!active) {
    return <SignedOut info={info} bridgeError={bridgeError} authStatus={authStatus} onAuthStatus={setAuthStatus} notice={notice} onDone={refreshAccounts} />;
  }

  return (
    <ViewSettingsContext.Provider value={viewSettings.settings}>
      <MailApp
        key={active.id}
        info={info}
        bridgeError={bridgeError}
        accounts={accounts ?? []}
        active={active}
        authStatus={authStatus}
        onSettingsChange={viewSettings.update}
        onAddAccount={() => setSignInFor({})}
        onReauth={(accountId) => setSignInFor({ accountId, demo: accounts?.find((a) => a.id === accountId)?.demo ?? false })}
        onSwitchAccount={(id) => {
          void skimmer()
            .switchAccount(id)
            .then(() => refreshAccounts());
        }}
        onSignOut={(id) => setSignOutOf(accounts?.find((a) => a.id === id) ?? null)}
      />
      {signInFor ? (
        <SignInDialog
          accountId={signInFor.accountId}
          demoAccount={signInFor.demo}
          authStatus={authStatus}
          onAuthStatus={setAuthStatus}
          onClose={() => setSignInFor(null)}
          onDone={() => {
            setSignInFor(null);
            refreshAccounts();
          }}
        />
      ) : null}
      {signOutOf ? (
        <ConfirmDialog
          title={t('signOut.title', { email: signOutOf.email })}
          body={t('signOut.body')}
          confirm={t('signOut.confirm')}
          danger
          onCancel={() => setSignOutOf(null)}
          onConfirm={() => {
            const id = signOutOf.id;
            setSignOutOf(null);
            void skimmer()
              .signOut(id)
              .then((reply) => {
                if (reply.ok) setNotice(t('app.signedOutNotice'));
                refreshAccounts();
              });
          }}
        />
      ) : null}
    </ViewSettingsContext.Provider>
  );
}
