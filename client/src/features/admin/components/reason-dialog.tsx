import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { TextAreaField } from '@/components/form/text-area-field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

interface ReasonDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  /** "Reason", "Note": the label of the text the action needs. */
  reasonLabel?: string;
  reasonHint?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  isBusy: boolean;
  /** The failed attempt's error, said inside the dialog. */
  error: unknown;
  /** Fields before the reason (the outcome of a report). */
  children?: ReactNode;
}

/** A destructive admin action asked first, with the reason it is recorded with. */
export const ReasonDialog = ({
  reasonLabel,
  reasonHint,
  onConfirm,
  isBusy,
  error,
  children,
  ...dialog
}: ReasonDialogProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const confirm = () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <ConfirmDialog
      {...dialog}
      cancelLabel={t('admin.area.cancel')}
      onConfirm={confirm}
      isBusy={isBusy}
    >
      {children}
      <TextAreaField
        label={reasonLabel ?? t('admin.area.reason')}
        hint={reasonHint ?? t('admin.area.reasonHint')}
        rows={3}
        maxLength={1000}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing(false);
        }}
        problem={missing ? { key: 'admin.area.reasonMissing' } : undefined}
      />
      {error !== null && error !== undefined && (
        <p className="form-alert" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </ConfirmDialog>
  );
};
