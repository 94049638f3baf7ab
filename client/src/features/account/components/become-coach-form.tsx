import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { UserDTO } from '@coachhub/shared/user';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup } from '@/components/form/checkbox-group';
import { FormAlert } from '@/components/form/form-alert';
import { splitServerError } from '@/components/form/server-problems';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { languageOptions } from '@/lib/languages';
import { specialtyOptions } from '@/lib/specialties';
import { checkChoices, checkHeadline } from '@/lib/validation';

import type { useBecomeCoach } from '../api/become-coach';

const L = COACH_PROFILE_LIMITS;

interface BecomeCoachValues {
  headline: string;
  specialties: string[];
  languages: string[];
}

const FIELDS: readonly (keyof BecomeCoachValues)[] = ['headline', 'specialties', 'languages'];

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
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  // Destructured: the ref must stay its own binding for the React Compiler's ref checks.
  const {
    containerRef,
    values,
    setValue,
    bind,
    handleSubmit,
    focusFirstProblem,
    problems: clientProblems,
  } = useFormState<BecomeCoachValues>({
    // The account's own language is the likeliest coaching language.
    initialValues: { headline: '', specialties: [], languages: [user.locale] },
    validate,
    onEdit: () => becomeCoach.isError && becomeCoach.reset(),
  });

  const server = splitServerError(becomeCoach.error, FIELDS);
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const submit = handleSubmit((valid) =>
    becomeCoach.mutate(
      {
        headline: valid.headline.trim(),
        specialties: COACH_SPECIALTIES.filter((specialty) => valid.specialties.includes(specialty)),
        languages: valid.languages,
        timeZone: user.timeZone,
      },
      { onError: focusFirstProblem },
    ),
  );

  return (
    <form
      ref={containerRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby="become-coach-heading"
      data-testid="become-coach-form"
    >
      <FormAlert message={server.formError && errorMessage(server.formError)} />
      <TextField
        label={t('account.becomeCoach.headline')}
        hint={t('account.becomeCoach.headlineHint')}
        required
        {...bind('headline')}
        problem={problems.headline}
      />
      <CheckboxGroup
        legend={t('account.becomeCoach.specialties')}
        hint={t('account.becomeCoach.specialtiesHint', { max: L.specialties })}
        name="specialties"
        options={specialtyOptions(t, i18n.language)}
        value={values.specialties}
        onChange={(chosen) => setValue('specialties', chosen)}
        problem={problems.specialties}
      />
      <CheckboxGroup
        legend={t('account.becomeCoach.languages')}
        hint={t('account.becomeCoach.languagesHint', { max: L.languages })}
        name="languages"
        options={languageOptions(i18n.language)}
        value={values.languages}
        onChange={(chosen) => setValue('languages', chosen)}
        problem={problems.languages}
      />
      <div className="form__actions">
        <Button
          type="submit"
          isBusy={becomeCoach.isPending}
          busyLabel={t('account.becomeCoach.submitting')}
        >
          {t('account.becomeCoach.submit')}
        </Button>
      </div>
    </form>
  );
};
