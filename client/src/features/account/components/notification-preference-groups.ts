import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import type { NotificationType } from '@coachhub/shared/notification';
import type { Role } from '@coachhub/shared/roles';

/** The groups of the e-mail settings, in the order they are shown. */
export const PREFERENCE_GROUPS = [
  'requests',
  'answers',
  'changes',
  'reminders',
  'messages',
  'moderation',
  'reviews',
  'coachProfile',
] as const;
export type PreferenceGroup = (typeof PREFERENCE_GROUPS)[number];

/** Every type has a group: the typecheck fails when the contract gains a type without one. */
const GROUP_OF: Record<NotificationType, PreferenceGroup> = {
  'booking.requested': 'requests',
  'booking.booked': 'requests',
  'booking.confirmed': 'answers',
  'booking.declined': 'answers',
  'booking.cancelled': 'changes',
  'booking.rescheduled': 'changes',
  'payment.refunded': 'changes',
  'booking.reschedule_requested': 'requests',
  'booking.reschedule_declined': 'answers',
  'booking.reminder': 'reminders',
  'message.received': 'messages',
  'proposal.received': 'requests',
  'proposal.accepted': 'answers',
  'proposal.declined': 'answers',
  'coach.approved': 'coachProfile',
  'coach.rejected': 'coachProfile',
  'account.warned': 'moderation',
  'report.resolved': 'moderation',
  'report.dismissed': 'moderation',
  'moderation.message_hidden': 'moderation',
  'moderation.review_hidden': 'moderation',
  'moderation.review_restored': 'moderation',
  'review.received': 'reviews',
  'review.responded': 'reviews',
};

/** Sent to coaches only: nobody else is asked about them. */
const COACH_ONLY: ReadonlySet<NotificationType> = new Set([
  'booking.requested',
  'booking.booked',
  'booking.reschedule_requested',
  'coach.approved',
  'coach.rejected',
  'review.received',
]);

export interface PreferenceGroupTypes {
  group: PreferenceGroup;
  /** In the contract's order. */
  types: NotificationType[];
}

/** The groups (and their types) a user with this role is asked about; empty groups are left out. */
export const preferenceGroupsFor = (role: Role): PreferenceGroupTypes[] =>
  PREFERENCE_GROUPS.map((group) => ({
    group,
    types: NOTIFICATION_TYPES.filter(
      (type) => GROUP_OF[type] === group && (role === 'coach' || !COACH_ONLY.has(type)),
    ),
  })).filter(({ types }) => types.length > 0);
