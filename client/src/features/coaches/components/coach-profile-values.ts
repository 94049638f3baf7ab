import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { CoachDTO, UpdateCoachRequest } from '@coachhub/shared/coach';

import type { FieldProblems } from '@/lib/field-problem';
import { checkChoices, checkHeadline, checkTextLength } from '@/lib/validation';

const L = COACH_PROFILE_LIMITS;

/** The editor's fields; text as typed, certifications one per line. */
export interface CoachProfileValues {
  headline: string;
  bio: string;
  specialties: string[];
  languages: string[];
  certifications: string;
  yearsOfExperience: string;
  timeZone: string;
  listed: boolean;
}

export type CoachProfileField = keyof CoachProfileValues;

export const toProfileValues = (coach: CoachDTO): CoachProfileValues => ({
  headline: coach.headline,
  bio: coach.bio,
  specialties: [...coach.specialties],
  languages: [...coach.languages],
  certifications: coach.certifications.join('\n'),
  yearsOfExperience: String(coach.yearsOfExperience),
  timeZone: coach.timeZone,
  listed: coach.listed,
});

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const checkCertifications = (text: string) => {
  const lines = linesOf(text);
  if (lines.length > L.certifications) {
    return { key: 'validation.tooManyLines' as const, values: { max: L.certifications } };
  }
  if (lines.some((line) => line.length > L.certificationLength)) {
    return { key: 'validation.lineTooLong' as const, values: { max: L.certificationLength } };
  }
  return undefined;
};

const checkYears = (text: string) =>
  /^\d+$/.test(text.trim()) && Number(text) <= L.maxYearsOfExperience
    ? undefined
    : {
        key: 'validation.wholeNumber' as const,
        values: { min: 0, max: L.maxYearsOfExperience },
      };

/** The same bounds the server enforces (`COACH_PROFILE_LIMITS`), checked before sending. */
export const validateProfile = (values: CoachProfileValues): FieldProblems<CoachProfileField> => ({
  headline: checkHeadline(values.headline),
  bio: checkTextLength(values.bio, L.bioLength),
  specialties: checkChoices(values.specialties, L.specialties, 'validation.specialtiesRequired'),
  languages: checkChoices(values.languages, L.languages, 'validation.languagesRequired'),
  certifications: checkCertifications(values.certifications),
  yearsOfExperience: checkYears(values.yearsOfExperience),
});

export const toUpdateRequest = (values: CoachProfileValues): UpdateCoachRequest => ({
  headline: values.headline.trim(),
  bio: values.bio.trim(),
  specialties: COACH_SPECIALTIES.filter((specialty) => values.specialties.includes(specialty)),
  languages: values.languages,
  certifications: [...new Set(linesOf(values.certifications))],
  yearsOfExperience: Number(values.yearsOfExperience.trim()),
  timeZone: values.timeZone,
  listed: values.listed,
});
