/** How long before a confirmed session its reminders go out (domain.md: a day and an hour). */
export const DEFAULT_REMINDER_LEAD_MINUTES: readonly number[] = [24 * 60, 60];

export interface DueReminder {
  leadMinutes: number;
  at: Date;
}

/**
 * The reminders a session starting at `start` still gets as of `now`: one per lead time, at
 * `start - lead`, leaving out those whose moment has passed (a session booked 3 hours ahead gets
 * the 1-hour reminder only).
 */
export function dueReminders(
  start: Date,
  now: Date,
  leadMinutes: readonly number[] = DEFAULT_REMINDER_LEAD_MINUTES,
): DueReminder[] {
  return leadMinutes
    .map((lead) => ({ leadMinutes: lead, at: new Date(start.getTime() - lead * 60_000) }))
    .filter((reminder) => reminder.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
