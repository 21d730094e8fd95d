import { useEffect, useState } from 'react';
import type { AuthStatus, IpcError } from '../../../common/ipc';
import type { IpcResult } from '../../../common/ipc-result';
import { skimmer } from '../api';
import { signInErrorMessage } from '../lib/errors';
import { KeyIcon, ShieldIcon, SparkIcon, UploadIcon } from './icons';
import { Message } from '../i18n/Message';
import { TextButton } from './TextButton';
import { useT } from '../i18n/useLocale';
import '../styles/signin.css';

interface SignInProps {
  readonly authStatus: AuthStatus | null;
  readonly onAuthStatus: (status: AuthStatus) => void;
  /** Shown above the actions, e.g. "Signed out" or a re-auth request. */
  readonly notice?: string | null;
  /** Set when signing in again for one account. */
  readonly accountId?: string;
  /** That account is a demo mailbox: it signs in again through the demo. */
  readonly demoAccount?: boolean;
  readonly compact?: boolean;
  readonly onCancel?: () => void;
  /** Called after a successful sign-in or demo start. */
  readonly onDone?: () => void;
}

type Busy = 'none' | 'google' | 'demo' | 'import';

/** The first screen: sign in with Google (or import a client), or try the demo mailbox. */
export function SignIn({ authStatus, onAuthStatus, notice, accountId, demoAccount, compact, onCancel, onDone }: SignInProps) {
  const t = useT();
  const [busy, setBusy] = useState<Busy>('none');
  const [error, setError] = useState<string | null>(null);
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => skimmer().on.signInPending((payload) => setPendingUrl(payload.url)), []);

  const noClient = authStatus?.client === 'none';

  const fail = (e: IpcError) => {
    if (e.code !== 'cancelled') setError(signInErrorMessage(e, t));
    else setError(null);
  };

  /** One action at a time (the others are disabled until its reply); a refusal shows why. */
  const run = async <T,>(action: Exclude<Busy, 'none'>, call: () => Promise<IpcResult<T>>, onValue: (value: T) => void) => {
    // Only a sign-in (Google or the demo) has a consent URL to forget.
    const signingIn = action !== 'import';
    setError(null);
    setBusy(action);
    if (signingIn) setPendingUrl(null);
    try {
      const reply = await call();
      if (!reply.ok) fail(reply.error);
      else onValue(reply.value);
    } finally {
      setBusy('none');
      if (signingIn) setPendingUrl(null);
    }
  };
  const signIn = () =>
    run(
      'google',
      () => skimmer().signIn(accountId ? { accountId } : {}),
      () => onDone?.(),
    );
  const demo = () =>
    run(
      'demo',
      () => skimmer().startDemo(),
      () => onDone?.(),
    );
  const importClient = () =>
    run(
      'import',
      () => skimmer().importClientSecret(),
      (status) => {
        if (status) onAuthStatus(status);
      },
    );

  const cancel = async () => {
    await skimmer().cancelSignIn();
  };

  const copy = async () => {
    if (!pendingUrl) return;
    // Through main: the app denies the renderer's clipboard permission.
    const reply = await skimmer().copyText(pendingUrl);
    setCopied(reply.ok);
    if (reply.ok) window.setTimeout(() => setCopied(false), 1500);
  };

  // The demo signs in through the (local) consent page too: same waiting screen once it opens.
  if (busy === 'google' || (busy === 'demo' && pendingUrl !== null)) {
    return (
      <section className={`signin ${compact ? 'signin--compact' : ''}`} aria-labelledby="signin-title" data-testid="signin-pending">
        <div className="signin__card">
          <div className="signin__spinner" aria-hidden="true" />
          <h1 id="signin-title" className="signin__title">
            {t('signin.pending.title')}
          </h1>
          <p className="signin__lede">{t('signin.pending.lede')}</p>
          {pendingUrl ? (
            <div className="signin__url">
              <span className="signin__url-label">{t('signin.pending.copyHint')}</span>
              <div className="signin__url-row">
                <code className="signin__url-text" data-testid="consent-url" title={pendingUrl}>
                  {pendingUrl}
                </code>
                <TextButton variant="secondary" size="small" onClick={copy}>
                  {copied ? t('signin.copied') : t('signin.copy')}
                </TextButton>
              </div>
            </div>
          ) : null}
          <div className="signin__actions">
            <TextButton variant="secondary" onClick={cancel}>
              {t('signin.cancel')}
            </TextButton>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section className={`signin ${compact ? 'signin--compact' : ''}`} aria-labelledby="signin-title">
      <div className="signin__card">
        <div className="signin__mark" aria-hidden="true" />
        <h1 id="signin-title" className="signin__title">
          {accountId ? t('signin.reauthTitle') : t('signin.title')}
        </h1>
        <p className="signin__lede">{t('signin.lede')}</p>
        {notice ? (
          <p className="signin__notice" role="status">
            {notice}
          </p>
        ) : null}
        {authStatus?.storage === 'memory_only' ? (
          <p className="banner banner--warning" role="note" data-testid="memory-only">
            <KeyIcon size={16} />
            <span>{t('app.noKeychain')}</span>
          </p>
        ) : null}
        <div className="signin__actions">
          {/* Only offer what can work now: no Google button until there is a client to use. */}
          {noClient || demoAccount ? null : (
            <button type="button" className="button button--primary button--large" onClick={signIn} disabled={busy !== 'none'}>
              <span className="google-g" aria-hidden="true">
                {t('signin.googleMark')}
              </span>
              {t('signin.google')}
            </button>
          )}
          {accountId && !demoAccount ? null : (
            <button
              type="button"
              className={`button button--large ${noClient || demoAccount ? 'button--primary' : 'button--secondary'}`}
              onClick={demo}
              disabled={busy !== 'none'}
            >
              {busy === 'demo' ? t('signin.demoOpening') : demoAccount ? t('signin.demoAgain') : t('signin.demo')}
            </button>
          )}
          {onCancel ? (
            <TextButton variant="ghost" onClick={onCancel}>
              {t('signin.notNow')}
            </TextButton>
          ) : null}
        </div>
        {error ? (
          <p className="signin__error" role="alert">
            {error}
          </p>
        ) : null}
        {noClient && !demoAccount ? (
          <div className="signin__client" id="signin-no-client" data-testid="no-client-help">
            <h2 className="signin__subtitle">{t('signin.client.title')}</h2>
            <p>
              <Message id="signin.client.intro" values={{ type: <strong>{t('signin.client.desktopApp')}</strong> }} />
            </p>
            <ol>
              <li>
                <Message id="signin.client.step1" values={{ api: <strong>{t('signin.client.gmailApi')}</strong> }} />
              </li>
              <li>
                <Message id="signin.client.step2" values={{ scope: <code>gmail.readonly</code> }} />
              </li>
              <li>
                <Message id="signin.client.step3" values={{ path: <strong>{t('signin.client.path')}</strong> }} />
              </li>
            </ol>
            <p className="signin__help">{t('signin.client.help')}</p>
            <button type="button" className="button button--secondary" onClick={importClient} disabled={busy !== 'none'}>
              <UploadIcon size={16} />
              {busy === 'import' ? t('signin.importing') : t('signin.import')}
            </button>
          </div>
        ) : null}
        <ul className="signin__points">
          <li>
            <ShieldIcon size={16} />
            <span>
              {t('signin.point.readOnly')} {authStatus?.storage === 'memory_only' ? t('signin.point.memory') : t('signin.point.encrypted')}
            </span>
          </li>
          <li>
            <SparkIcon size={16} />
            <span>
              <Message
                id="signin.point.operators"
                values={{
                  examples: (
                    <>
                      <code>from:</code>, <code>has:attachment</code>, <code>after:</code>
                    </>
                  ),
                }}
              />
            </span>
          </li>
        </ul>
      </div>
    </section>
  );
}
