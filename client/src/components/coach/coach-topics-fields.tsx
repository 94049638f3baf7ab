import { COACH_PROFILE_LIMITS } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

import { CheckboxGroup } from '@/components/form/checkbox-group';
import type { FieldProblem } from '@/lib/field-problem';
import { languageOptions } from '@/lib/languages';
import { specialtyOptions } from '@/lib/specialties';

type CoachTopic = 'specialties' | 'languages';

interface CoachTopicsFieldsProps {
  values: Record<CoachTopic, string[]>;
  problems: Partial<Record<CoachTopic, FieldProblem>>;
  onChange: (topic: CoachTopic, chosen: string[]) => void;
  /** The coach's current languages, offered even when they are not common ones. */
  currentLanguages?: readonly string[];
}

/**
 * What a coach coaches on and in which languages, chosen the same way when becoming a coach
 * and when editing the profile.
 */
export const CoachTopicsFields = ({
  values,
  problems,
  onChange,
  currentLanguages,
}: CoachTopicsFieldsProps) => {
  const { t, i18n } = useTranslation();
  const options = {
    specialties: specialtyOptions(t, i18n.language),
    languages: languageOptions(i18n.language, currentLanguages),
  };
  return (['specialties', 'languages'] as const).map((topic) => (
    <CheckboxGroup
      key={topic}
      legend={t(`coachTopics.${topic}`)}
      hint={t(`coachTopics.${topic}Hint`, { max: COACH_PROFILE_LIMITS[topic] })}
      name={topic}
      options={options[topic]}
      value={values[topic]}
      onChange={(chosen) => onChange(topic, chosen)}
      problem={problems[topic]}
    />
  ));
};
