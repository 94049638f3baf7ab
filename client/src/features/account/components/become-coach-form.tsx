import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { UserDTO } from '@coachhub/shared/user';
import { useTranslation } from 'react-i18next';

import { CoachTopicsFields } from '@/components/coach/coach-topics-fields';
import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import type { FieldProblems } from '@/lib/field-problem';
import { checkChoices, checkHeadline } from '@/lib/validation';

import type { useBecomeCoach } from '../api/become-coach';

const L = COACH_PROFILE_LIMITS;

interface BecomeCoachValues {
  headline: string;
  specialties: string[];
  languages: string[];
}

const validate = (values: BecomeCoachValues): FieldProblems<keyof BecomeCoachValues> => ({
  headline: checkHeadline(values.headline),
  specialties: checkChoices(values.specialties, L.specialties, 'validation.specialtiesRequired'),
  languages: checkChoices(values.languages, L.languages, 'validation.languagesRequired'),
});

/**
 * The first sketch of a coach profile; the rest is edited on the practice page afterwards.
 * The coach's time zone starts as the account's.
 */
interface BecomeCoachFormProps {
  user: UserDTO;
  /** Owned by the section, which outlives this form once the user has become a coach. */
  becomeCoach: ReturnType<typeof useBecomeCoach>;
}

export const BecomeCoachForm = ({ user, becomeCoach }: BecomeCoachFormProps) => {
  const { t } = useTranslation();
  const form = useFormState<BecomeCoachValues>({
    // The account's own language is the likeliest coaching language.
    initialValues: { headline: '', specialties: [], languages: [user.locale] },
    validate,
    submission: becomeCoach,
    onValid: (valid, { focusFirstProblem }) =>
      becomeCoach.mutate(
        {
          headline: valid.headline.trim(),
          specialties: COACH_SPECIALTIES.filter((specialty) =>
            valid.specialties.includes(specialty),
          ),
          languages: valid.languages,
          timeZone: user.timeZone,
        },
        { onError: focusFirstProblem },
      ),
  });

  return (
    <FormFrame form={form} aria-labelledby="become-coach-heading" data-testid="become-coach-form">
      <TextField
        label={t('account.becomeCoach.headline')}
        hint={t('account.becomeCoach.headlineHint')}
        required
        {...form.field('headline')}
      />
      <CoachTopicsFields values={form.values} problems={form.problems} onChange={form.setValue} />
      <FormActions
        submitLabel={t('account.becomeCoach.submit')}
        busyLabel={t('account.becomeCoach.submitting')}
        isBusy={becomeCoach.isPending}
      />
    </FormFrame>
  );
};
