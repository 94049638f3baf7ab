/**
 * Calendar days in a time zone, without a date library. A day is a `YYYY-MM-DD` key; instants
 * are UTC. Which day an instant falls on, and when a day starts, depend on the zone (and on DST),
 * so both are read from Intl rather than assumed.
 */
export type DayKey = string;

export interface Month {
  year: number;
  /** 1-12. */
  month: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

const partsIn = (timeZone: string) => {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall-clock fields of an instant in a zone. */
const wallClock = (instant: number, timeZone: string) => {
  const fields: Record<string, number> = {};
  for (const part of partsIn(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
};

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

export const toDayKey = (year: number, month: number, day: number): DayKey =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export const parseDayKey = (key: DayKey): { year: number; month: number; day: number } => {
  const [year = 1970, month = 1, day = 1] = key.split('-').map(Number);
  return { year, month, day };
};

/** The day an instant falls on in the zone. */
export const dayKeyIn = (instant: Date | string | number, timeZone: string): DayKey => {
  const { year, month, day } = wallClock(new Date(instant).getTime(), timeZone);
  return toDayKey(year, month, day);
};

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string): number => {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/**
 * The first instant of a day in the zone: local midnight, or the first minute after a DST gap
 * that swallowed midnight.
 */
export const startOfDayIn = (key: DayKey, timeZone: string): Date => {
  const { year, month, day } = parseDayKey(key);
  const naive = Date.UTC(year, month - 1, day);
  const firstGuess = naive - offsetAt(naive, timeZone);
  const secondGuess = naive - offsetAt(firstGuess, timeZone);
  // In a gap neither guess is midnight; the later one is the first instant of the day.
  return new Date(dayKeyIn(secondGuess, timeZone) === key ? secondGuess : firstGuess);
};

export const addDays = (key: DayKey, days: number): DayKey => {
  const { year, month, day } = parseDayKey(key);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return toDayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

/** 0 = Sunday .. 6 = Saturday, as JavaScript and the API count weekdays. */
export const weekdayOf = (key: DayKey): number => {
  const { year, month, day } = parseDayKey(key);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
};

export const monthOf = (key: DayKey): Month => {
  const { year, month } = parseDayKey(key);
  return { year, month };
};

export const addMonths = ({ year, month }: Month, months: number): Month => {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

export const compareMonths = (a: Month, b: Month): number =>
  a.year * 12 + a.month - (b.year * 12 + b.month);

export const firstDayOfMonth = ({ year, month }: Month): DayKey => toDayKey(year, month, 1);

export const daysInMonth = ({ year, month }: Month): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instants a month spans in the zone: from its first midnight to the next month's. */
export const monthRangeIn = (month: Month, timeZone: string): { from: string; to: string } => ({
  from: startOfDayIn(firstDayOfMonth(month), timeZone).toISOString(),
  to: startOfDayIn(firstDayOfMonth(addMonths(month, 1)), timeZone).toISOString(),
});

/**
 * The month as weeks of seven cells starting on `firstWeekday` (0 = Sunday); cells outside the
 * month are null.
 */
export const monthWeeks = (month: Month, firstWeekday: number): (DayKey | null)[][] => {
  const first = firstDayOfMonth(month);
  const lead = (weekdayOf(first) - firstWeekday + 7) % 7;
  const cells: (DayKey | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(month); day += 1) {
    cells.push(toDayKey(month.year, month.month, day));
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayKey | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
};

/** Items with a `start` instant, grouped by the day they start on in the zone, in time order. */
export const groupByDayIn = <Item extends { start: string }>(
  items: readonly Item[],
  timeZone: string,
): Map<DayKey, Item[]> => {
  const days = new Map<DayKey, Item[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) {
    const key = dayKeyIn(item.start, timeZone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return days;
};
