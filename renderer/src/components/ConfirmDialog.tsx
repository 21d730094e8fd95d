import { useRef } from 'react';
import { useT } from '../i18n/useLocale';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel?: string;
  readonly danger?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** A yes/no question before something that can't be undone; Cancel has the focus. */
export function ConfirmDialog({ title, body, confirm, cancel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      className="dialog dialog--confirm"
      testId="confirm-dialog"
      role="alertdialog"
      labelledBy="confirm-title"
      describedBy="confirm-body"
      onClose={onCancel}
      initialFocus={cancelRef}
    >
      <h2 id="confirm-title" className="dialog__title">
        {title}
      </h2>
      <p id="confirm-body" className="dialog__text">
        {body}
      </p>
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button button--secondary button--small" onClick={onCancel}>
          {cancel ?? t('signin.cancel')}
        </button>
        <button type="button" className={`button button--small ${danger ? 'button--danger' : 'button--primary'}`} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
