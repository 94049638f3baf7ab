/** "4.8" in English, "4,8" in German: one decimal, always shown. */
export const formatRating = (average: number, locale: string): string =>
  average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
