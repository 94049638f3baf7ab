import { COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { TFunction } from 'i18next';

import { compareInLocale } from './languages';

/** Every specialty with its name in the current language, alphabetical in that language. */
export const specialtyOptions = (
  t: TFunction,
  locale: string,
): { value: string; label: string }[] => {
  const compare = compareInLocale(locale);
  return COACH_SPECIALTIES.map((specialty) => ({
    value: specialty,
    label: t(`specialties.${specialty}`),
  })).sort((a, b) => compare(a.label, b.label));
};
