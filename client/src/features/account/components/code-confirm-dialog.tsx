import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { FormSubmission } from '@/components/form/use-form-state';
import type { FieldProblem } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkAnyTwoFactorCode, normaliseCode } from '@/lib/two-factor-code';

interface CodeConfirmDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  /** The request the code confirms; its refusal is shown in the dialog. */
  submission: FormSubmission & { isPending: boolean };
  onCode: (code: string) => void;
  onCancel: () => void;
}

/** Asks before a change to two-factor sign-in, with the code (app or recovery) that proves it. */
export const CodeConfirmDialog = ({
  title,
  description,
  confirmLabel,
  submission,
  onCode,
  onCancel,
}: CodeConfirmDialogProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const server = splitServerError(submission.error, ['code'] as const, {
    INVALID_TWO_FACTOR_CODE: 'code',
  });

  return (
    <ConfirmDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      cancelLabel={t('account.security.twoFactor.keep')}
      isBusy={submission.isPending}
      onCancel={onCancel}
      onConfirm={() => {
        const found = checkAnyTwoFactorCode(code);
        setProblem(found);
        if (!found) onCode(normaliseCode(code));
      }}
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <TextField
        label={t('account.security.twoFactor.codeOrRecovery')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        problem={problem ?? server.fieldProblems.code}
        onChange={(event) => {
          setCode(event.target.value);
          if (problem) setProblem(checkAnyTwoFactorCode(event.target.value));
          if (submission.isError) submission.reset();
        }}
      />
    </ConfirmDialog>
  );
};
