import { SUPPORTED_LOCALES } from '@coachhub/shared/locales';
import type { TFunction } from 'i18next';

import type { SelectOption } from '@/components/form/select-field';

/** Each language is named in itself, so a reader can find theirs whatever is selected. */
export const localeOptions = (t: TFunction): SelectOption[] =>
  SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: t(`language.names.${locale}`) }));
