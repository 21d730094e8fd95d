import { ShieldIcon, SparkIcon } from './icons';

interface WelcomeProps {
  readonly onSignIn: () => void;
  readonly onTryDemo: () => void;
  readonly notice: string | null;
}

/** The message-list area before any account exists: what Skimmer is and how to start. */
export function Welcome({ onSignIn, onTryDemo, notice }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__mark" aria-hidden="true" />
      <h1 id="welcome-title" className="welcome__title">
        Your Gmail, instantly searchable
      </h1>
      <p className="welcome__lede">
        Skimmer keeps a private copy of your mail on this computer, so Gmail&apos;s own search syntax answers in
        milliseconds, even offline.
      </p>
      <div className="welcome__actions">
        <button type="button" className="button button--primary" onClick={onSignIn}>
          Sign in with Google
        </button>
        <button type="button" className="button button--secondary" onClick={onTryDemo}>
          Try the demo mailbox
        </button>
      </div>
      {notice ? (
        <p className="welcome__notice" role="status">
          {notice}
        </p>
      ) : null}
      <ul className="welcome__points">
        <li>
          <ShieldIcon size={16} />
          <span>Read-only access. Your sign-in is encrypted with your system keychain.</span>
        </li>
        <li>
          <SparkIcon size={16} />
          <span>
            <code>from:</code>, <code>has:attachment</code>, <code>after:</code> and every other Gmail operator, offline.
          </span>
        </li>
      </ul>
    </section>
  );
}
