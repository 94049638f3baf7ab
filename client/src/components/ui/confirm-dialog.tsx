import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

import { Button } from './button';
import './confirm-dialog.css';

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
 * its consequence. Focus goes to the first field (or Cancel, the harmless choice), stays inside
 * while it is open (Tab cycles), Escape cancels, and focus goes back to where it was.
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
}: ConfirmDialogProps) => {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLFormElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    const firstField = panelRef.current?.querySelector<HTMLElement>('textarea, input, select');
    (firstField ?? cancelRef.current)?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [
      ...panelRef.current.querySelectorAll<HTMLElement>(
        'button:not([disabled]), textarea, input, select, a[href]',
      ),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };

  // On the body, so no stacking context of the page (the sticky header) can cover it.
  return createPortal(
    <div className="confirm-dialog__backdrop">
      <form
        ref={panelRef}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onKeyDown={keepFocusInside}
        onSubmit={submit}
        noValidate
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {title}
        </h2>
        <p id={descriptionId} className="confirm-dialog__description">
          {description}
        </p>
        {children}
        <div className="confirm-dialog__actions">
          <Button ref={cancelRef} type="button" variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button type="submit" className="button--danger" isBusy={isBusy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </div>,
    document.body,
  );
};
