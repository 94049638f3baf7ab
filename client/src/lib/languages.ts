/**
 * Languages offered in pickers (ISO 639-1, as the API stores them): the most spoken ones in
 * CoachHub's markets. A coach's own languages are always added, so nothing stored is hidden.
 */
export const COMMON_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'da',
  'sv',
  'no',
  'fi',
  'pl',
  'cs',
  'tr',
  'el',
  'ru',
  'uk',
  'ar',
  'hi',
  'zh',
  'ja',
  'ko',
] as const;

const displayNames = new Map<string, Intl.DisplayNames>();

/** The language's name in the reader's language: `de` reads "German" in English, "Deutsch" in German. */
export const languageName = (code: string, locale: string): string => {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
};

/** The common languages plus `include`, as options sorted by their name in `locale`. */
export const languageOptions = (
  locale: string,
  include: readonly string[] = [],
): { value: string; label: string }[] =>
  [...new Set<string>([...COMMON_LANGUAGES, ...include])]
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
