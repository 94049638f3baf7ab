import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  type BookingAction,
  type BookingParty,
  type BookingStatus,
} from '@coachhub/shared/scheduling';
import { describe, expect, it } from 'vitest';
import { allowedActions, changesCalendar, paymentTransition, transition } from './booking-state.js';

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
  // An unpaid booking is only withdrawn, by its client; the coach has not heard of it yet.
  ['awaiting_payment', 'cancel', 'client', 'before start', 'cancelled'],
  ['awaiting_payment', 'cancel', 'client', 'after start', 'cancelled'],
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

  it('an unpaid booking offers its client only to withdraw it, and its coach nothing', () => {
    const status = 'awaiting_payment';
    expect(allowedActions({ status, start }, 'client', beforeStart)).toEqual(['cancel']);
    expect(allowedActions({ status, start }, 'coach', beforeStart)).toEqual([]);
    expect(allowedActions({ status, start }, 'coach', afterStart)).toEqual([]);
  });

  it.each<BookingStatus>(['declined', 'cancelled', 'completed', 'no_show', 'expired'])(
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

describe('payment steps', () => {
  const holdUntil = new Date('2026-06-10T10:15:00Z');
  const beforeHoldEnd = new Date('2026-06-10T10:14:59Z');
  const afterHoldEnd = new Date('2026-06-10T10:15:00Z');
  const steps = ['payment_received', 'hold_expired'] as const;

  it.each(['pending', 'confirmed'] as const)(
    "a verified payment moves a booking awaiting payment on to %s, recorded as the client's",
    (next) => {
      for (const now of [beforeHoldEnd, afterHoldEnd]) {
        expect(
          paymentTransition(
            { status: 'awaiting_payment', holdUntil },
            'payment_received',
            now,
            next,
          ),
        ).toEqual({
          ok: true,
          status: next,
          entry: {
            action: 'payment_received',
            from: 'awaiting_payment',
            to: next,
            by: 'client',
            at: now,
          },
        });
      }
    },
  );

  it('the end of the hold expires a booking awaiting payment, not a moment before', () => {
    const booking = { status: 'awaiting_payment' as const, holdUntil };
    expect(paymentTransition(booking, 'hold_expired', afterHoldEnd, 'pending')).toMatchObject({
      ok: true,
      status: 'expired',
      entry: { action: 'hold_expired', from: 'awaiting_payment', to: 'expired' },
    });
    const early = paymentTransition(booking, 'hold_expired', beforeHoldEnd, 'pending');
    expect(!early.ok && early.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'not_started_yet',
    });
  });

  it.each(BOOKING_STATUSES.filter((status) => status !== 'awaiting_payment'))(
    'changes nothing on a %s booking: replays and events out of order are refused',
    (status) => {
      for (const step of steps) {
        for (const next of ['pending', 'confirmed'] as const) {
          const result = paymentTransition({ status, holdUntil }, step, afterHoldEnd, next);
          expect(!result.ok && result.error).toMatchObject({
            code: 'INVALID_TRANSITION',
            reason: 'wrong_status',
          });
        }
      }
    },
  );

  it("no participant action leads into or out of awaiting payment but the client's withdrawal", () => {
    for (const status of BOOKING_STATUSES) {
      for (const action of BOOKING_ACTIONS) {
        for (const actor of PARTIES) {
          for (const now of [beforeStart, afterStart]) {
            const result = transition({ status, start }, action, actor, now);
            if (!result.ok) continue;
            expect(result.status).not.toBe('awaiting_payment');
            expect(result.status).not.toBe('expired');
            if (status === 'awaiting_payment') {
              expect([action, actor, result.status]).toEqual(['cancel', 'client', 'cancelled']);
            }
          }
        }
      }
    }
  });
});
