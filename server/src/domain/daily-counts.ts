const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Midnight UTC `days - 1` days before `now`: the first instant of a window of `days` days ending today. */
export function windowStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

/**
 * One entry per UTC day from `windowStart(now, days)` to today, oldest first, with the counts
 * found (by `YYYY-MM-DD`) and 0 for the days without any; counts outside the window are ignored.
 */
export function zeroFilledDays(
  now: Date,
  days: number,
  counts: ReadonlyArray<{ date: string; count: number }>,
): { date: string; count: number }[] {
  const byDate = new Map(counts.map(({ date, count }) => [date, count]));
  const start = windowStart(now, days).getTime();
  return Array.from({ length: days }, (_, index) => {
    const date = utcDate(new Date(start + index * DAY_MS));
    return { date, count: byDate.get(date) ?? 0 };
  });
}
