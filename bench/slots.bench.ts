/**
 * Slot computation (server/src/domain/slots.ts), the pure function behind every availability
 * request: 30 days in Europe/Berlin across the March DST change, 3 intervals every day, 200 existing
 * 30-minute bookings, 30-minute sessions with 10 + 15 minutes of buffers. Runs the function
 * WARM_UP times, then RUNS timed times, and reports the median and p95.
 *
 *   npm run bench:slots
 */
import type { AvailabilityDTO, Weekday } from '@coachhub/shared/scheduling';
import { computeSlots, type BookedTime, type SlotQuery } from '../server/src/domain/slots.js';
import { median, percentile, printTable } from './lib/stats.js';

const DAYS = 30;
const BOOKINGS = 200;
const WARM_UP = 200;
const RUNS = 2_000;
const TARGET_MEDIAN_MS = 2;

const now = new Date('2026-03-14T08:00:00Z');
const range = { from: now, to: new Date(now.getTime() + DAYS * 24 * 3_600_000) };

// Three intervals on every day of the week.
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const weekly: AvailabilityDTO['weekly'] = EVERY_DAY.flatMap((weekday) => [
  { weekday, start: '08:00', end: '12:00' },
  { weekday, start: '13:00', end: '17:00' },
  { weekday, start: '18:00', end: '21:00' },
]);

/** Bookings spread over the 30 days at pseudo-random half hours of the working day. */
function existingBookings(): BookedTime[] {
  const bookings: BookedTime[] = [];
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let index = 0; index < BOOKINGS; index++) {
    const day = Math.floor(next() * DAYS);
    const halfHour = 14 + Math.floor(next() * 26); // 07:00-20:00 UTC
    const start = new Date(now.getTime() + day * 86_400_000);
    start.setUTCHours(0, halfHour * 30, 0, 0);
    bookings.push({ start, end: new Date(start.getTime() + 30 * 60_000) });
  }
  return bookings;
}

const query: SlotQuery = {
  availability: {
    timeZone: 'Europe/Berlin',
    weekly,
    overrides: [{ date: '2026-03-20', intervals: [] }],
  },
  settings: {
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 15,
    minNoticeHours: 12,
    maxDaysAhead: 60,
    dailyLimit: 12,
  },
  bookings: existingBookings(),
  durationMinutes: 30,
  range,
  now,
};

let slotCount = 0;
for (let run = 0; run < WARM_UP; run++) slotCount = computeSlots(query).length;
const timings: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  computeSlots(query);
  timings.push(performance.now() - start);
}

const medianMs = median(timings);
printTable(
  ['computeSlots', 'median (ms)', 'p95 (ms)', 'slots'],
  [
    [
      '30 days, 3 intervals/day, 200 bookings, 30 min + buffers',
      medianMs.toFixed(3),
      percentile(timings, 95).toFixed(3),
      String(slotCount),
    ],
  ],
);
console.log(
  `\ntarget: median <= ${TARGET_MEDIAN_MS} ms; node ${process.version}, ${RUNS} runs after ${WARM_UP} warm-up runs`,
);
if (medianMs > TARGET_MEDIAN_MS) process.exitCode = 1;
