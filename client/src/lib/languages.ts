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

// Building an Intl formatter is costly (a directory page would build dozens while it hydrates);
// each is kept per language.
const displayNames = new Map<string, Intl.DisplayNames>();
const listFormats = new Map<string, Intl.ListFormat>();
const collators = new Map<string, Intl.Collator>();

/** Compares labels as the reader's language sorts them. */
export const compareInLocale = (locale: string): ((a: string, b: string) => number) => {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator.compare;
};

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
): { value: string; label: string }[] => {
  const compare = compareInLocale(locale);
  return [...new Set<string>([...COMMON_LANGUAGES, ...include])]
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => compare(a.label, b.label));
};

/** "English, German" (or "Englisch, Deutsch"): names and list punctuation in the reader's language. */
export const formatLanguageList = (codes: readonly string[], locale: string): string => {
  let formatter = listFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' });
    listFormats.set(locale, formatter);
  }
  return formatter.format(codes.map((code) => languageName(code, locale)));
};
