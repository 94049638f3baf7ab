import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

import './dialog.css';

const FOCUSABLE = 'button:not([disabled]), textarea, input, select, a[href]';

interface DialogFrameProps {
  /** `alertdialog` asks before something destructive; `dialog` is any other task. */
  role: 'dialog' | 'alertdialog';
  /** Names the dialog, e.g. "Suspend Ada Lovelace?". */
  title: string;
  /** Describes it: what will happen, or what is asked for. */
  description: string;
  /** Escape does this: the harmless way out (cancel, close). */
  onDismiss: () => void;
  /** The form's submit (the browser's own checks and page load are already prevented). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** The buttons at the bottom; the one marked `data-initial-focus` is focused when no field is. */
  actions: ReactNode;
  children?: ReactNode;
  'data-testid'?: string;
}

/**
 * The one modal frame of the app: a form on the page's body named by its title and described
 * by its description. Focus goes to the first field (or the action marked for it), stays inside
 * while it is open (Tab cycles), Escape dismisses, and focus goes back to where it was.
 */
export const DialogFrame = ({
  role,
  title,
  description,
  onDismiss,
  onSubmit,
  actions,
  children,
  'data-testid': testId,
}: DialogFrameProps) => {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    const panel = panelRef.current;
    const start =
      panel?.querySelector<HTMLElement>('textarea, input, select') ??
      panel?.querySelector<HTMLElement>('[data-initial-focus]') ??
      panel?.querySelector<HTMLElement>(FOCUSABLE);
    start?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
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

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit?.(event);
  };

  // On the body, so no stacking context of the page (the sticky header) can cover it.
  return createPortal(
    <div className="dialog__backdrop">
      <form
        ref={panelRef}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onKeyDown={keepFocusInside}
        onSubmit={submit}
        noValidate
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
        {children}
        <div className="dialog__actions">{actions}</div>
      </form>
    </div>,
    document.body,
  );
};
