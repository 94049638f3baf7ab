import type { WeeklyInterval } from '@coachhub/shared/scheduling';

/** Broad parts of the week a client can tick instead of drawing exact intervals. */
export const TIME_SLOTS = {
  weekdayMornings: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' },
  weekdayAfternoons: { weekdays: [1, 2, 3, 4, 5], start: '12:00', end: '17:00' },
  weekdayEvenings: { weekdays: [1, 2, 3, 4, 5], start: '17:00', end: '21:00' },
  weekends: { weekdays: [0, 6], start: '09:00', end: '18:00' },
} as const;

export type TimeSlot = keyof typeof TIME_SLOTS;

export const TIME_SLOT_NAMES = Object.keys(TIME_SLOTS) as TimeSlot[];

export const isTimeSlot = (value: string): value is TimeSlot => value in TIME_SLOTS;

/** The ticked parts of the week as the weekly intervals the matcher reads. */
export const toPreferredTimes = (slots: readonly TimeSlot[]): WeeklyInterval[] =>
  slots.flatMap((slot) => {
    const { weekdays, start, end } = TIME_SLOTS[slot];
    return weekdays.map((weekday) => ({ weekday, start, end }));
  });
