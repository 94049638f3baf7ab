import type { ReactNode } from 'react';

import { Button } from './button';
import { DialogFrame } from './dialog-frame';

interface ConfirmDialogProps {
  /** The question, e.g. "Suspend Ada Lovelace?". */
  title: string;
  /** What will happen, in a sentence. */
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Called on submit; the fields inside (a reason) are the caller's to check first. */
  onConfirm: () => void;
  onCancel: () => void;
  isBusy?: boolean;
  /** Fields the action needs (a reason, a note), and a message when it failed. */
  children?: ReactNode;
}

/**
 * Asks before a destructive action: a modal alert dialog named by its question and described by
 * its consequence. Without fields, focus starts on Cancel, the harmless choice.
 */
export const ConfirmDialog = ({
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  isBusy = false,
  children,
}: ConfirmDialogProps) => (
  <DialogFrame
    role="alertdialog"
    title={title}
    description={description}
    onDismiss={onCancel}
    onSubmit={() => onConfirm()}
    actions={
      <>
        <Button type="button" variant="secondary" onClick={onCancel} data-initial-focus>
          {cancelLabel}
        </Button>
        <Button type="submit" className="button--danger" isBusy={isBusy}>
          {confirmLabel}
        </Button>
      </>
    }
  >
    {children}
  </DialogFrame>
);
