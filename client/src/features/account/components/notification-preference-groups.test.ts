import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import { describe, expect, it } from 'vitest';

import { preferenceGroupsFor } from './notification-preference-groups';

const typesOf = (role: Parameters<typeof preferenceGroupsFor>[0]) =>
  preferenceGroupsFor(role).flatMap(({ types }) => types);

describe('preferenceGroupsFor', () => {
  it('asks a coach about every type, each in one group', () => {
    expect([...typesOf('coach')].sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  it('leaves out what only coaches receive, and the groups left empty by it', () => {
    expect(typesOf('client')).toEqual([
      'proposal.received',
      'booking.confirmed',
      'booking.declined',
      'booking.reschedule_declined',
      'proposal.accepted',
      'proposal.declined',
      'booking.cancelled',
      'booking.rescheduled',
      'payment.refunded',
      'booking.reminder',
      'message.received',
      'account.warned',
      'report.resolved',
      'report.dismissed',
      'moderation.message_hidden',
      'moderation.review_hidden',
      'moderation.review_restored',
      'review.responded',
    ]);
    expect(preferenceGroupsFor('client').map(({ group }) => group)).toEqual([
      'requests',
      'answers',
      'changes',
      'reminders',
      'messages',
      'moderation',
      'reviews',
    ]);
  });
});
