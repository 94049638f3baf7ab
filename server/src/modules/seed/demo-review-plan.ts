import { REVIEW_ASPECTS, type ReviewDetailRatings } from '@coachhub/shared/review';
import { DateTime } from 'luxon';

/*
 * What the demo reviews say and when their sessions took place, decided without the database so
 * it can be tested: the same input always gives the same plan.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Shown with one decimal, as the app shows ratings. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * `count` whole-star ratings whose average shows as `average` (one decimal), mostly fives with
 * some fours and the odd lower one, spread through the list rather than bunched.
 */
export function demoStars(average: number, count: number): number[] {
  if (count === 0) return [];
  const total = [0, 1, -1, 2, -2]
    .map((offset) => Math.round(average * count) + offset)
    .find((sum) => sum >= count && sum <= 5 * count && oneDecimal(sum / count) === average);
  if (total === undefined) throw new RangeError(`No ${count} ratings average ${average}`);
  const stars = Array<number>(count).fill(5);
  // Points to take off the fives, in a varied rhythm: mostly one star, now and then more.
  const rhythm = [1, 1, 2, 1, 1, 1, 3, 1, 4];
  let missing = 5 * count - total;
  for (let step = 0; missing > 0; step += 1) {
    // Every 7th place, wrapping: positions far apart, each visited before any is visited again.
    const index = (step * 7) % count;
    const wanted = Math.min(rhythm[step % rhythm.length] ?? 1, missing);
    const cut = Math.min(wanted, (stars[index] ?? 1) - 1);
    stars[index] = (stars[index] ?? 5) - cut;
    missing -= cut;
  }
  return stars;
}

/** Detail ratings near the overall one, for some reviews. */
export function demoDetailRatings(stars: number, index: number): ReviewDetailRatings {
  if (index % 3 !== 0) return {};
  const near = (shift: number) => Math.max(1, Math.min(5, stars + shift));
  const shifts =
    [
      [0, 0, -1],
      [0, 1, 0],
      [-1, 0, 0],
    ][(index / 3) % 3] ?? [];
  return Object.fromEntries(
    REVIEW_ASPECTS.map((aspect, position) => [aspect, near(shifts[position] ?? 0)]),
  );
}

export interface PlannedSession {
  reviewer: number;
  start: Date;
  end: Date;
}

/**
 * When each of a coach's reviewed sessions took place: at least a month ago, spread back over
 * up to two years, on a working hour of the coach's zone. Each session goes to the first
 * reviewer from `firstReviewer` on who has nothing else at that time (`busy` is shared by all
 * coaches, so no reviewer is ever in two sessions at once).
 */
export function planSessions(input: {
  count: number;
  timeZone: string;
  durationMinutes: number;
  reviewers: number;
  firstReviewer: number;
  busy: Map<number, { start: number; end: number }[]>;
  now: Date;
}): PlannedSession[] {
  const spacingDays = Math.max(2, Math.min(10, Math.floor(720 / Math.max(1, input.count))));
  const sessions: PlannedSession[] = [];
  for (let index = 0; index < input.count; index += 1) {
    const start = DateTime.fromJSDate(input.now, { zone: input.timeZone })
      .minus({ days: 30 + index * spacingDays })
      .set({ hour: 9 + ((index * 3) % 9), minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
    const end = new Date(start.getTime() + input.durationMinutes * 60_000);
    const range = { start: start.getTime(), end: end.getTime() };
    let reviewer = (input.firstReviewer + index * 7) % input.reviewers;
    for (let tries = 0; tries < input.reviewers; tries += 1) {
      const taken = input.busy.get(reviewer) ?? [];
      if (!taken.some((other) => other.start < range.end && range.start < other.end)) break;
      reviewer = (reviewer + 1) % input.reviewers;
    }
    input.busy.set(reviewer, [...(input.busy.get(reviewer) ?? []), range]);
    sessions.push({ reviewer, start, end });
  }
  return sessions;
}

/** A review is written a day or three after its session, never later than now. */
export const reviewedAt = (sessionEnd: Date, index: number, now: Date): Date =>
  new Date(Math.min(sessionEnd.getTime() + (1 + (index % 3)) * DAY_MS, now.getTime()));

const POSITIVE = [
  'Clear, warm and practical. I left every session with a plan I could actually follow.',
  'Asked exactly the right questions. Two months later I am still using what we worked out.',
  'Very well prepared and easy to talk to. Highly recommended.',
  'I came with a mess of ideas and left with three concrete steps. Great session.',
  'Patient, honest and encouraging. Just what I needed this spring.',
  'Knows the subject inside out and explains it without jargon.',
  'Every session started on time and ended with clear homework. Worth every cent.',
  'Friendly, focused and full of useful tools.',
  'Helped me see my situation from a completely different angle.',
  'Kind but direct feedback. Exactly what I was hoping for.',
  'I was sceptical about coaching; this changed my mind.',
  'Great listener, great structure, great results.',
];
const MIXED = [
  'Good session overall, though we ran out of time for the second topic.',
  'Useful advice, but a bit more structure would have helped me.',
  'Nice person and solid tips; the video connection dropped a few times.',
];
const CRITICAL = [
  'Not quite what I expected: the session felt rushed.',
  'Some good points, but it did not fit my situation.',
];

/** About two reviews in three carry a comment, in a tone that matches the stars. */
export function demoComment(stars: number, index: number): string {
  if (index % 3 === 2) return '';
  const pool = stars >= 4 ? POSITIVE : stars === 3 ? MIXED : CRITICAL;
  return pool[index % pool.length] ?? '';
}

/** The coach answers about one commented review in four. */
export function demoReply(stars: number, index: number, reviewerFirstName: string): string | null {
  if (index % 4 !== 0 || demoComment(stars, index) === '') return null;
  return stars >= 4
    ? `Thank you, ${reviewerFirstName}! It was a pleasure working with you.`
    : `Thank you for the honest feedback, ${reviewerFirstName}. I will take it into my next sessions.`;
}
