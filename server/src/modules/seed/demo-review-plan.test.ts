import { describe, expect, it } from 'vitest';
import { DEMO_COACHES } from './demo-coaches.js';
import {
  demoComment,
  demoDetailRatings,
  demoReply,
  demoStars,
  planSessions,
  reviewedAt,
} from './demo-review-plan.js';

const now = new Date('2026-06-15T12:00:00Z');
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

describe('demoStars', () => {
  it.each(DEMO_COACHES.map((coach) => [coach.email, coach.rating] as const))(
    '%s: as many whole stars as reviews, averaging to the listed rating',
    (_email, { average, count }) => {
      const stars = demoStars(average, count);
      expect(stars).toHaveLength(count);
      expect(stars.every((value) => Number.isInteger(value) && value >= 1 && value <= 5)).toBe(
        true,
      );
      if (count > 0) {
        expect(oneDecimal(stars.reduce((sum, value) => sum + value, 0) / count)).toBe(average);
      }
    },
  );

  it('varies the stars when the average is below five, lower ones spread out', () => {
    const stars = demoStars(4.8, 52);
    expect(new Set(stars).size).toBeGreaterThan(2);
    expect(stars.slice(0, 10).some((value) => value < 5)).toBe(true);
    expect(stars.slice(-20).some((value) => value < 5)).toBe(true);
    expect(demoStars(5, 3)).toEqual([5, 5, 5]);
    expect(demoStars(4.3, 9)).toHaveLength(9);
  });

  it('refuses an average no whole stars can give', () => {
    expect(() => demoStars(0.5, 3)).toThrow(RangeError);
  });
});

describe('planSessions', () => {
  it('puts every session in the past, a month back or more, and never two at once for a reviewer', () => {
    const busy = new Map<number, { start: number; end: number }[]>();
    const plans = DEMO_COACHES.map((coach, index) =>
      planSessions({
        count: coach.rating.count,
        timeZone: coach.timeZone,
        durationMinutes: 60,
        reviewers: 36,
        firstReviewer: (index * 5) % 36,
        busy,
        now,
      }),
    );
    const all = plans.flat();
    expect(all).toHaveLength(DEMO_COACHES.reduce((sum, coach) => sum + coach.rating.count, 0));
    expect(all.every((s) => s.end.getTime() <= now.getTime() - 29 * 24 * 3_600_000)).toBe(true);
    const byReviewer = new Map<number, { start: number; end: number }[]>();
    for (const session of all) {
      const mine = byReviewer.get(session.reviewer) ?? [];
      const range = { start: session.start.getTime(), end: session.end.getTime() };
      expect(mine.some((other) => other.start < range.end && range.start < other.end)).toBe(false);
      byReviewer.set(session.reviewer, [...mine, range]);
    }
    // Many reviewers take part, so the names on a coach's page vary.
    expect(new Set(plans[0]?.map((session) => session.reviewer)).size).toBeGreaterThan(20);
  });

  it('gives the same plan for the same input', () => {
    const plan = () =>
      planSessions({
        count: 5,
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
        reviewers: 10,
        firstReviewer: 3,
        busy: new Map(),
        now,
      });
    expect(plan()).toEqual(plan());
  });
});

describe('texts and timing', () => {
  it('writes comments in a tone that fits the stars, on about two reviews in three', () => {
    const comments = Array.from({ length: 30 }, (_, index) => demoComment(5, index));
    expect(comments.filter(Boolean).length).toBe(20);
    expect(demoComment(2, 0)).toMatch(/not|rushed/i);
    expect(demoComment(5, 0)).not.toBe(demoComment(5, 1));
  });

  it('replies to some commented reviews, by name', () => {
    expect(demoReply(5, 0, 'Anna')).toBe('Thank you, Anna! It was a pleasure working with you.');
    expect(demoReply(3, 4, 'Ben')).toMatch(/honest feedback, Ben/);
    expect(demoReply(5, 1, 'Anna')).toBeNull();
    // Index 2 has no comment, so nothing to reply to.
    expect(Array.from({ length: 40 }, (_, i) => demoReply(5, i, 'X')).filter(Boolean)).toHaveLength(
      7,
    );
  });

  it('adds detail ratings near the overall stars to every third review', () => {
    expect(demoDetailRatings(5, 1)).toEqual({});
    const details = demoDetailRatings(4, 3);
    expect(Object.keys(details).sort()).toEqual(['communication', 'punctuality', 'value']);
    expect(Object.values(details).every((value) => Math.abs(value - 4) <= 1)).toBe(true);
    expect(Object.values(demoDetailRatings(5, 6)).every((value) => value <= 5)).toBe(true);
    expect(Object.values(demoDetailRatings(1, 0)).every((value) => value >= 1)).toBe(true);
  });

  it('dates a review a day or three after its session, never in the future', () => {
    const end = new Date('2026-01-10T10:00:00Z');
    expect(reviewedAt(end, 0, now)).toEqual(new Date('2026-01-11T10:00:00Z'));
    expect(reviewedAt(end, 2, now)).toEqual(new Date('2026-01-13T10:00:00Z'));
    expect(reviewedAt(new Date(now.getTime() - 3_600_000), 2, now)).toEqual(now);
  });
});
