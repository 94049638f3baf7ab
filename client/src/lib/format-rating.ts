const formatters = new Map<string, Intl.NumberFormat>();

/** "4.8" in English, "4,8" in German: one decimal, always shown. */
export const formatRating = (average: number, locale: string): string => {
  // `toLocaleString` with options builds a formatter on every call; a directory page shows many.
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(average);
};
