import { useTranslation } from 'react-i18next';

import { FormFrame } from '@/components/form/form-frame';
import { TextAreaField } from '@/components/form/text-area-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { checkTextLength } from '@/lib/validation';

/** The API's bound for a moderation reason. */
const REASON_MAX_LENGTH = 1000;

const validate = ({ reason }: { reason: string }) => ({
  reason:
    reason.trim() === ''
      ? { key: 'validation.reasonRequired' as const }
      : checkTextLength(reason, REASON_MAX_LENGTH),
});

interface RejectCoachFormProps {
  name: string;
  onReject: (reason: string) => void;
  onCancel: () => void;
}

/** A rejection needs a reason: the coach reads it and can fix their profile. */
export const RejectCoachForm = ({ name, onReject, onCancel }: RejectCoachFormProps) => {
  const { t } = useTranslation();
  const form = useFormState({
    initialValues: { reason: '' },
    validate,
    onValid: ({ reason }) => onReject(reason.trim()),
  });

  return (
    <FormFrame
      form={form}
      className="reject-form"
      aria-label={`${t('admin.coaches.reject')}: ${name}`}
      data-testid="reject-form"
    >
      <TextAreaField
        label={t('admin.coaches.reason')}
        hint={t('admin.coaches.reasonHint')}
        rows={3}
        required
        autoFocus
        {...form.field('reason')}
      />
      <div className="form__actions">
        <Button type="submit">{t('admin.coaches.confirmReject')}</Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('admin.coaches.cancel')}
        </Button>
      </div>
    </FormFrame>
  );
};
