interface WeekInfo {
  /** 1 = Monday .. 7 = Sunday. */
  firstDay: number;
}

const readWeekInfo = (locale: Intl.Locale): WeekInfo | undefined => {
  // `getWeekInfo()` (newer engines) or the older `weekInfo` getter; some engines have neither.
  const withWeekInfo = locale as Intl.Locale & {
    getWeekInfo?: () => WeekInfo;
    weekInfo?: WeekInfo;
  };
  return typeof withWeekInfo.getWeekInfo === 'function'
    ? withWeekInfo.getWeekInfo()
    : withWeekInfo.weekInfo;
};

/** The weekday a calendar week starts on in this locale (0 = Sunday); Monday when unknown. */
export const firstWeekdayOf = (locale: string): number => {
  try {
    const firstDay = readWeekInfo(new Intl.Locale(locale))?.firstDay;
    return firstDay === undefined ? 1 : firstDay % 7;
  } catch {
    return 1;
  }
};

/** The seven weekdays (0-6) in the locale's order. */
export const weekdaysInOrder = (locale: string): number[] => {
  const first = firstWeekdayOf(locale);
  return Array.from({ length: 7 }, (_, index) => (first + index) % 7);
};

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Monday" / "Mo": the name of weekday 0-6 in the locale. */
export const weekdayName = (
  weekday: number,
  locale: string,
  width: 'long' | 'short' = 'long',
): string => {
  const key = `${locale}|${width}`;
  let formatter = weekdayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
    weekdayFormatters.set(key, formatter);
  }
  // 4 January 1970 was a Sunday.
  return formatter.format(new Date(Date.UTC(1970, 0, 4 + weekday)));
};
