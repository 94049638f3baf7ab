import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  type BookingAction,
  type BookingParty,
  type BookingStatus,
} from '@coachhub/shared/scheduling';
import { describe, expect, it } from 'vitest';
import { allowedActions, changesCalendar, transition } from './booking-state.js';

const start = new Date('2026-06-15T10:00:00Z');
const beforeStart = new Date('2026-06-15T09:00:00Z');
const afterStart = new Date('2026-06-15T10:30:00Z');
const PARTIES: BookingParty[] = ['client', 'coach'];
type Timing = 'before start' | 'after start';
const moment: Record<Timing, Date> = { 'before start': beforeStart, 'after start': afterStart };

/** Every allowed move, written out independently of the implementation's table. */
const ALLOWED: [BookingStatus, BookingAction, BookingParty, Timing, BookingStatus][] = [
  ['pending', 'confirm', 'coach', 'before start', 'confirmed'],
  ['pending', 'decline', 'coach', 'before start', 'declined'],
  ['pending', 'decline', 'coach', 'after start', 'declined'],
  ['pending', 'cancel', 'client', 'before start', 'cancelled'],
  ['pending', 'cancel', 'client', 'after start', 'cancelled'],
  ['pending', 'cancel', 'coach', 'before start', 'cancelled'],
  ['pending', 'cancel', 'coach', 'after start', 'cancelled'],
  ['pending', 'reschedule', 'client', 'before start', 'pending'],
  ['pending', 'reschedule', 'coach', 'before start', 'pending'],
  ['confirmed', 'cancel', 'client', 'before start', 'cancelled'],
  ['confirmed', 'cancel', 'client', 'after start', 'cancelled'],
  ['confirmed', 'cancel', 'coach', 'before start', 'cancelled'],
  ['confirmed', 'cancel', 'coach', 'after start', 'cancelled'],
  ['confirmed', 'complete', 'coach', 'after start', 'completed'],
  ['confirmed', 'no_show', 'coach', 'after start', 'no_show'],
  ['confirmed', 'reschedule', 'client', 'before start', 'confirmed'],
  ['confirmed', 'reschedule', 'coach', 'before start', 'confirmed'],
];

/** Actions that belong to the coach alone. */
const COACH_ONLY: BookingAction[] = [
  'confirm',
  'decline',
  'complete',
  'no_show',
  'approve_reschedule',
  'decline_reschedule',
];

const everyCase = BOOKING_STATUSES.flatMap((status) =>
  BOOKING_ACTIONS.flatMap((action) =>
    PARTIES.flatMap((actor) =>
      (['before start', 'after start'] as const).map((timing) => ({
        status,
        action,
        actor,
        timing,
      })),
    ),
  ),
);
const allowedNext = (
  status: BookingStatus,
  action: BookingAction,
  actor: BookingParty,
  timing: Timing,
) =>
  ALLOWED.find(([s, a, p, t]) => s === status && a === action && p === actor && t === timing)?.[4];

describe('transition', () => {
  it.each(
    everyCase.filter((c) => allowedNext(c.status, c.action, c.actor, c.timing) !== undefined),
  )('lets the $actor $action a $status booking $timing', ({ status, action, actor, timing }) => {
    const result = transition({ status, start }, action, actor, moment[timing]);
    expect(result).toEqual({
      ok: true,
      status: allowedNext(status, action, actor, timing),
      entry: {
        action,
        from: status,
        to: allowedNext(status, action, actor, timing),
        by: actor,
        at: moment[timing],
      },
    });
  });

  it.each(
    everyCase.filter((c) => allowedNext(c.status, c.action, c.actor, c.timing) === undefined),
  )(
    'refuses the $actor to $action a $status booking $timing',
    ({ status, action, actor, timing }) => {
      const result = transition({ status, start }, action, actor, moment[timing]);
      const code =
        actor === 'client' && COACH_ONLY.includes(action) ? 'FORBIDDEN' : 'INVALID_TRANSITION';
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe(code);
    },
  );

  it('says why a move is refused', () => {
    const reason = (
      status: BookingStatus,
      action: BookingAction,
      actor: BookingParty,
      now: Date,
    ) => {
      const result = transition({ status, start }, action, actor, now);
      return result.ok ? null : result.error.reason;
    };
    expect(reason('pending', 'confirm', 'client', beforeStart)).toBe('not_your_action');
    expect(reason('completed', 'cancel', 'client', afterStart)).toBe('wrong_status');
    expect(reason('confirmed', 'complete', 'coach', beforeStart)).toBe('not_started_yet');
    expect(reason('confirmed', 'reschedule', 'client', afterStart)).toBe('already_started');
  });

  it('checks who acts before the status: a client never confirms, whatever the status', () => {
    const result = transition({ status: 'cancelled', start }, 'confirm', 'client', beforeStart);
    expect(!result.ok && result.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'The client cannot confirm a booking',
    });
  });

  it('counts the start itself as started', () => {
    expect(transition({ status: 'confirmed', start }, 'complete', 'coach', start).ok).toBe(true);
    expect(transition({ status: 'confirmed', start }, 'no_show', 'coach', start).ok).toBe(true);
    expect(transition({ status: 'pending', start }, 'confirm', 'coach', start).ok).toBe(false);
    expect(transition({ status: 'pending', start }, 'reschedule', 'client', start).ok).toBe(false);
    const justBefore = new Date(start.getTime() - 1);
    expect(transition({ status: 'confirmed', start }, 'complete', 'coach', justBefore).ok).toBe(
      false,
    );
    expect(transition({ status: 'pending', start }, 'confirm', 'coach', justBefore).ok).toBe(true);
  });
});

describe('allowedActions', () => {
  it.each<[BookingStatus, BookingParty, Date, BookingAction[]]>([
    ['pending', 'coach', beforeStart, ['confirm', 'decline', 'cancel', 'reschedule']],
    ['pending', 'client', beforeStart, ['cancel', 'reschedule']],
    ['pending', 'coach', afterStart, ['decline', 'cancel']],
    ['confirmed', 'coach', beforeStart, ['cancel', 'reschedule']],
    ['confirmed', 'client', beforeStart, ['cancel', 'reschedule']],
    ['confirmed', 'coach', afterStart, ['cancel', 'complete', 'no_show']],
    ['confirmed', 'client', afterStart, ['cancel']],
  ])('a %s booking offers the %s at %s: %j', (status, actor, now, actions) => {
    expect(allowedActions({ status, start }, actor, now)).toEqual(actions);
  });

  it.each<BookingStatus>(['declined', 'cancelled', 'completed', 'no_show'])(
    'a %s booking offers nothing to anyone',
    (status) => {
      for (const actor of PARTIES) {
        expect(allowedActions({ status, start }, actor, beforeStart)).toEqual([]);
        expect(allowedActions({ status, start }, actor, afterStart)).toEqual([]);
      }
    },
  );
});

describe('changesCalendar', () => {
  it('is true for the actions that change a calendar entry and false for the others', () => {
    expect(BOOKING_ACTIONS.filter(changesCalendar)).toEqual([
      'confirm',
      'decline',
      'cancel',
      'reschedule',
      'approve_reschedule',
    ]);
  });
});

describe("a client's request to move a confirmed booking", () => {
  const requested = new Date('2026-06-20T10:00:00Z');
  const withRequest = {
    status: 'confirmed' as const,
    start,
    pendingReschedule: { start: requested },
  };

  it('lets the coach approve it before the session and decline it any time', () => {
    expect(transition(withRequest, 'approve_reschedule', 'coach', beforeStart)).toMatchObject({
      ok: true,
      status: 'confirmed',
      entry: { action: 'approve_reschedule', from: 'confirmed', to: 'confirmed', by: 'coach' },
    });
    expect(transition(withRequest, 'decline_reschedule', 'coach', beforeStart).ok).toBe(true);
    expect(transition(withRequest, 'decline_reschedule', 'coach', afterStart).ok).toBe(true);
    expect(allowedActions(withRequest, 'coach', beforeStart)).toEqual([
      'cancel',
      'reschedule',
      'approve_reschedule',
      'decline_reschedule',
    ]);
    expect(allowedActions(withRequest, 'client', beforeStart)).toEqual(['cancel', 'reschedule']);
  });

  it('refuses both answers without a request, and the client any answer', () => {
    const reason = (action: BookingAction, actor: BookingParty) => {
      const result = transition({ status: 'confirmed', start }, action, actor, beforeStart);
      return result.ok ? null : result.error.reason;
    };
    expect(reason('approve_reschedule', 'coach')).toBe('no_reschedule_request');
    expect(reason('decline_reschedule', 'coach')).toBe('no_reschedule_request');
    expect(reason('approve_reschedule', 'client')).toBe('not_your_action');
  });

  it('refuses approving once the old or the requested time has begun', () => {
    expect(transition(withRequest, 'approve_reschedule', 'coach', afterStart).ok).toBe(false);
    const soon = { ...withRequest, start: requested, pendingReschedule: { start: beforeStart } };
    const result = transition(soon, 'approve_reschedule', 'coach', beforeStart);
    expect(!result.ok && result.error.reason).toBe('requested_time_passed');
  });
});

describe("a client's move inside the fee window", () => {
  const deadline = new Date('2026-06-14T10:00:00Z');
  const confirmed = { status: 'confirmed' as const, start, clientRescheduleUntil: deadline };

  it('is refused with RESCHEDULE_IN_FEE_WINDOW once the deadline passed', () => {
    const result = transition(confirmed, 'reschedule', 'client', beforeStart);
    expect(!result.ok && result.error).toMatchObject({
      code: 'RESCHEDULE_IN_FEE_WINDOW',
      reason: 'in_fee_window',
    });
    expect(allowedActions(confirmed, 'client', beforeStart)).toEqual(['cancel']);
  });

  it('is allowed up to the deadline itself, and always for the coach or a pending request', () => {
    expect(transition(confirmed, 'reschedule', 'client', deadline).ok).toBe(true);
    expect(transition(confirmed, 'reschedule', 'coach', beforeStart).ok).toBe(true);
    expect(
      transition({ ...confirmed, status: 'pending' }, 'reschedule', 'client', beforeStart).ok,
    ).toBe(true);
  });
});
