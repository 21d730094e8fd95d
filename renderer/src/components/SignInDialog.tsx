import type { AuthStatus } from '../../../common/ipc';
import { SignIn } from './SignIn';
import { useT } from '../i18n/useLocale';

interface SignInDialogProps {
  readonly accountId?: string;
  readonly demoAccount?: boolean;
  readonly authStatus: AuthStatus | null;
  readonly onAuthStatus: (status: AuthStatus) => void;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/** Adding an account, or signing one in again, over the mail view. */
export function SignInDialog({ accountId, demoAccount, authStatus, onAuthStatus, onClose, onDone }: SignInDialogProps) {
  const t = useT();
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="dialog dialog--signin" role="dialog" aria-modal="true" aria-label={t('app.signIn')} onMouseDown={(e) => e.stopPropagation()}>
        <SignIn
          compact
          authStatus={authStatus}
          onAuthStatus={onAuthStatus}
          accountId={accountId}
          demoAccount={demoAccount}
          onCancel={onClose}
          onDone={onDone}
        />
      </div>
    </div>
  );
}
