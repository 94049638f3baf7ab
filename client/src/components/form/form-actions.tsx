import type { ReactNode } from 'react';

import { Button } from '@/components/ui/button';

import './form.css';

interface FormActionsProps {
  submitLabel: string;
  /** Replaces the label while the form is being sent. */
  busyLabel: string;
  isBusy: boolean;
  /** Follows the submit button, e.g. a Cancel button. */
  children?: ReactNode;
}

/** The row under a form's fields: its submit button first, then any way out. */
export const FormActions = ({ submitLabel, busyLabel, isBusy, children }: FormActionsProps) => (
  <div className="form__actions">
    <Button type="submit" isBusy={isBusy} busyLabel={busyLabel}>
      {submitLabel}
    </Button>
    {children}
  </div>
);
