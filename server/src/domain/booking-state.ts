import {
  BOOKING_ACTIONS,
  type BookingAction,
  type BookingHistoryEntry,
  type BookingParty,
  type BookingPaymentStep,
  type BookingStatus,
} from '@coachhub/shared/scheduling';

/** What the state machine needs to know of a booking. */
export interface BookingState {
  status: BookingStatus;
  start: Date;
  /** The client's request to move the booking, waiting for the coach's answer. */
  pendingReschedule?: { start: Date } | null;
  /**
   * After this instant the client may no longer move the booking themself (its cancellation-fee
   * window is open: domain/booking-policies.ts `clientRescheduleDeadline`). Absent or null: no
   * such limit.
   */
  clientRescheduleUntil?: Date | null;
}

/**
 * `FORBIDDEN`: this side may never take the action. `INVALID_TRANSITION`: not in this state or
 * not now. `RESCHEDULE_IN_FEE_WINDOW`: a client's move inside the cancellation-fee window.
 */
export type TransitionErrorCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'RESCHEDULE_IN_FEE_WINDOW';

export interface TransitionError {
  code: TransitionErrorCode;
  reason:
    | 'not_your_action'
    | 'wrong_status'
    | 'not_started_yet'
    | 'already_started'
    | 'no_reschedule_request'
    | 'requested_time_passed'
    | 'in_fee_window';
  message: string;
}

export type HistoryEntry = Omit<BookingHistoryEntry, 'at'> & { at: Date };

export type TransitionResult =
  { ok: true; status: BookingStatus; entry: HistoryEntry } | { ok: false; error: TransitionError };

interface ActionRule {
  from: readonly BookingStatus[];
  /** The status afterwards; null keeps the current one (a reschedule moves time, not state). */
  to: BookingStatus | null;
  by: readonly BookingParty[];
  /** Whether the action needs the session to have started, or not to have started yet. */
  when: 'before_start' | 'after_start' | 'any_time';
  /** Whether calendars must pick the change up (the .ics SEQUENCE goes up). */
  changesCalendar: boolean;
  /** Only while the client's request to move the booking waits for the coach. */
  needsRescheduleRequest?: true;
}

/**
 * The one table of booking transitions. Confirming and rescheduling only make sense for a
 * session still ahead; completing or marking a no-show only once it has begun. Cancelling stays
 * possible after the start (the cancellation fee then applies in full). When the coach approves
 * changes, a client's move of a confirmed booking becomes a request (the service decides that);
 * the coach approves it (the booking moves, before its old and its requested start) or declines
 * it (the booking stays); either needs a request waiting. A client may not move a confirmed
 * booking inside its fee window (`clientRescheduleUntil`).
 */
const RULES: Record<BookingAction, ActionRule> = {
  confirm: {
    from: ['pending'],
    to: 'confirmed',
    by: ['coach'],
    when: 'before_start',
    changesCalendar: true,
  },
  decline: {
    from: ['pending'],
    to: 'declined',
    by: ['coach'],
    when: 'any_time',
    changesCalendar: true,
  },
  cancel: {
    // A booking awaiting payment is withdrawn by its client (the coach has not heard of it yet).
    from: ['pending', 'confirmed', 'awaiting_payment'],
    to: 'cancelled',
    by: ['client', 'coach'],
    when: 'any_time',
    changesCalendar: true,
  },
  complete: {
    from: ['confirmed'],
    to: 'completed',
    by: ['coach'],
    when: 'after_start',
    changesCalendar: false,
  },
  no_show: {
    from: ['confirmed'],
    to: 'no_show',
    by: ['coach'],
    when: 'after_start',
    changesCalendar: false,
  },
  reschedule: {
    from: ['pending', 'confirmed'],
    to: null,
    by: ['client', 'coach'],
    when: 'before_start',
    changesCalendar: true,
  },
  approve_reschedule: {
    from: ['confirmed'],
    to: null,
    by: ['coach'],
    when: 'before_start',
    changesCalendar: true,
    needsRescheduleRequest: true,
  },
  decline_reschedule: {
    from: ['confirmed'],
    to: null,
    by: ['coach'],
    when: 'any_time',
    changesCalendar: false,
    needsRescheduleRequest: true,
  },
};

/**
 * Checks one action on a booking, in this order: may this side ever take it (else FORBIDDEN),
 * then does the status allow it, then the time (else INVALID_TRANSITION). On success, the
 * status afterwards and the history entry to append.
 */
export function transition(
  booking: BookingState,
  action: BookingAction,
  actor: BookingParty,
  now: Date,
): TransitionResult {
  const rule = RULES[action];
  const error = ruleViolation(rule, booking, action, actor, now);
  if (error) return { ok: false, error };
  const status = rule.to ?? booking.status;
  return {
    ok: true,
    status,
    entry: { action, from: booking.status, to: status, by: actor, at: now },
  };
}

/**
 * Whether the action changes what a calendar shows (status or time): those bump the booking's
 * iCalendar SEQUENCE. Completing or marking a no-show leaves the calendar entry as it was.
 */
export function changesCalendar(action: BookingAction): boolean {
  return RULES[action].changesCalendar;
}

/** The actions this side may take on the booking now, for the buttons the UI shows. */
export function allowedActions(
  booking: BookingState,
  actor: BookingParty,
  now: Date,
): BookingAction[] {
  return BOOKING_ACTIONS.filter((action) => transition(booking, action, actor, now).ok);
}

function ruleViolation(
  rule: ActionRule,
  booking: BookingState,
  action: BookingAction,
  actor: BookingParty,
  now: Date,
): TransitionError | null {
  if (!rule.by.includes(actor)) {
    return {
      code: 'FORBIDDEN',
      reason: 'not_your_action',
      message: `The ${actor} cannot ${verb(action)} a booking`,
    };
  }
  if (action === 'cancel' && booking.status === 'awaiting_payment' && actor === 'coach') {
    return {
      code: 'INVALID_TRANSITION',
      reason: 'wrong_status',
      message: 'A booking awaiting payment can only be withdrawn by its client',
    };
  }
  if (!rule.from.includes(booking.status)) {
    return {
      code: 'INVALID_TRANSITION',
      reason: 'wrong_status',
      message: `A ${booking.status} booking cannot be ${pastTense(action)}`,
    };
  }
  const started = now.getTime() >= booking.start.getTime();
  if (rule.when === 'after_start' && !started) {
    return {
      code: 'INVALID_TRANSITION',
      reason: 'not_started_yet',
      message: `A booking can be ${pastTense(action)} only once the session has started`,
    };
  }
  if (rule.when === 'before_start' && started) {
    return {
      code: 'INVALID_TRANSITION',
      reason: 'already_started',
      message: `A booking can be ${pastTense(action)} only before the session starts`,
    };
  }
  if (rule.needsRescheduleRequest) {
    const request = booking.pendingReschedule;
    if (!request) {
      return {
        code: 'INVALID_TRANSITION',
        reason: 'no_reschedule_request',
        message: 'The booking has no request to move it',
      };
    }
    if (action === 'approve_reschedule' && now.getTime() >= request.start.getTime()) {
      return {
        code: 'INVALID_TRANSITION',
        reason: 'requested_time_passed',
        message: 'The requested time has already begun',
      };
    }
  }
  const deadline = booking.clientRescheduleUntil;
  if (
    action === 'reschedule' &&
    actor === 'client' &&
    booking.status === 'confirmed' &&
    deadline &&
    now.getTime() > deadline.getTime()
  ) {
    return {
      code: 'RESCHEDULE_IN_FEE_WINDOW',
      reason: 'in_fee_window',
      message:
        'The free-cancellation window of this booking has closed: it can no longer be moved for free. Cancel it (the fee applies) or ask the coach',
    };
  }
  return null;
}

/**
 * The payment steps, which no participant takes: the provider's verified payment moves a booking
 * awaiting payment on to `next` (`pending` when the coach approves requests, else `confirmed`);
 * the end of its hold (`holdUntil`) expires it, which frees its slot. Anything else, e.g. a
 * payment for a booking that already expired or a hold ending after the payment, is refused
 * with INVALID_TRANSITION and changes nothing. Both are recorded as the client's.
 */
export function paymentTransition(
  booking: Pick<BookingState, 'status'> & { holdUntil?: Date | null },
  step: BookingPaymentStep,
  now: Date,
  next: 'pending' | 'confirmed',
): TransitionResult {
  if (booking.status !== 'awaiting_payment') {
    return {
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        reason: 'wrong_status',
        message: `A ${booking.status} booking is not awaiting payment`,
      },
    };
  }
  if (step === 'hold_expired' && booking.holdUntil && now.getTime() < booking.holdUntil.getTime()) {
    return {
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        reason: 'not_started_yet',
        message: 'The payment hold has not ended yet',
      },
    };
  }
  const status: BookingStatus = step === 'payment_received' ? next : 'expired';
  return {
    ok: true,
    status,
    entry: { action: step, from: booking.status, to: status, by: 'client', at: now },
  };
}

function verb(action: BookingAction): string {
  const words: Partial<Record<BookingAction, string>> = {
    no_show: 'mark a no-show on',
    approve_reschedule: 'approve a new time for',
    decline_reschedule: 'decline a new time for',
  };
  return words[action] ?? action;
}

function pastTense(action: BookingAction): string {
  const words: Record<BookingAction, string> = {
    confirm: 'confirmed',
    decline: 'declined',
    cancel: 'cancelled',
    complete: 'completed',
    no_show: 'marked as a no-show',
    reschedule: 'rescheduled',
    approve_reschedule: 'moved to the requested time',
    decline_reschedule: 'kept at its time',
  };
  return words[action];
}
