import { describe, expect, it } from 'vitest';

import { i18n } from '@/lib/i18n/i18n';
import { makeNotification } from '@/testing/notification-fixtures';

import { notificationMessage } from './notification-message';

const berlin = { locale: 'en', timeZone: 'Europe/Berlin' };
const text = (message: ReturnType<typeof notificationMessage>) => [
  i18n.t(message.key, { replace: message.params }),
  ...message.details.map((detail) => i18n.t(detail.key, { replace: detail.params })),
];

describe('notificationMessage', () => {
  it("fills the type's text with the times in the viewer's zone", () => {
    const rescheduled = makeNotification({
      type: 'booking.rescheduled',
      key: 'notifications.booking.rescheduled',
      params: {
        bookingId: 'booking-1',
        title: 'Career deep dive',
        start: '2026-05-07T12:30:00.000Z',
        previousStart: '2026-05-06T08:00:00.000Z',
        name: 'Carla Jensen',
      },
    });
    expect(text(notificationMessage(rescheduled, berlin, 'Someone'))).toEqual([
      'Carla Jensen moved “Career deep dive” from May 6, 2026, 10:00 AM to May 7, 2026, 2:30 PM.',
    ]);
  });

  it('tells the client of a refund with its amount as they write money', async () => {
    const refunded = makeNotification({
      type: 'payment.refunded',
      key: 'notifications.payment.refunded',
      params: {
        bookingId: 'booking-1',
        title: 'Career deep dive',
        start: '2026-05-06T08:00:00.000Z',
        name: 'Carla Jensen',
        amount: 6000,
        currency: 'EUR',
      },
    });
    expect(text(notificationMessage(refunded, berlin, 'Someone'))).toEqual([
      '€60.00 for “Career deep dive” on May 6, 2026, 10:00 AM was refunded to you.',
    ]);
    await i18n.changeLanguage('de');
    expect(
      text(notificationMessage(refunded, { locale: 'de', timeZone: 'Europe/Berlin' }, 'Jemand')),
    ).toEqual(['60,00\u00a0€ für „Career deep dive“ am 06.05.2026, 10:00 wurden dir erstattet.']);
    await i18n.changeLanguage('en');
  });

  it('adds the reason and the fee in the reader’s language and currency format', async () => {
    const cancelled = makeNotification({
      type: 'booking.cancelled',
      key: 'notifications.booking.cancelled',
      params: {
        bookingId: 'booking-1',
        title: 'Career deep dive',
        start: '2026-05-06T08:00:00.000Z',
        name: 'Carla Jensen',
        reason: 'Sick',
        feeAmount: 4500,
        feeCurrency: 'EUR',
      },
    });
    expect(text(notificationMessage(cancelled, berlin, 'Someone'))).toEqual([
      'Carla Jensen cancelled “Career deep dive” on May 6, 2026, 10:00 AM.',
      'Reason: Sick',
      'Cancellation fee: €45.00',
    ]);

    await i18n.changeLanguage('de');
    expect(
      text(notificationMessage(cancelled, { locale: 'de', timeZone: 'Europe/Berlin' }, 'Jemand')),
    ).toEqual([
      'Carla Jensen hat „Career deep dive“ am 06.05.2026, 10:00 abgesagt.',
      'Grund: Sick',
      'Stornogebühr: 45,00\u00a0€',
    ]);
  });

  it('leaves out a fee of nothing, names a person whose account is gone, and knows every type', () => {
    const free = makeNotification({
      type: 'booking.cancelled',
      key: 'notifications.booking.cancelled',
      params: { title: 'Intro', start: '2026-05-06T08:00:00.000Z', name: '', feeAmount: 0 },
    });
    expect(text(notificationMessage(free, berlin, 'Someone'))).toEqual([
      'Someone cancelled “Intro” on May 6, 2026, 10:00 AM.',
    ]);

    const unknown = makeNotification({ key: 'notifications.survey.requested' });
    expect(notificationMessage(unknown, berlin, 'Someone').key).toBe('notifications.unknown');

    const rejected = makeNotification({
      type: 'coach.rejected',
      key: 'notifications.coach.rejected',
      params: { reason: 'Please add your certifications.' },
    });
    expect(text(notificationMessage(rejected, berlin, 'Someone'))).toEqual([
      'Your coach profile was not approved.',
      'Reason: Please add your certifications.',
    ]);
  });

  it('tells a client about their reviews: a reply, a removal with its reason, a restore', async () => {
    const review = (
      type: 'review.responded' | 'moderation.review_hidden' | 'moderation.review_restored',
      reason?: string,
    ) =>
      makeNotification({
        type,
        key: `notifications.${type}`,
        params: { reviewId: 'review-1', name: 'Carla Jensen', ...(reason ? { reason } : {}) },
        link: type === 'moderation.review_hidden' ? null : '/coaches/coach-1#reviews',
      });
    const texts = (someone: string, locale: string) =>
      [
        review('review.responded'),
        review('moderation.review_hidden', 'Not about the session'),
        review('moderation.review_restored'),
      ].map((notification) =>
        text(notificationMessage(notification, { locale, timeZone: 'Europe/Berlin' }, someone)),
      );

    expect(texts('Someone', 'en')).toEqual([
      ['Carla Jensen replied to your review.'],
      [
        'An admin removed your review of Carla Jensen: it no longer shows on the profile or counts in the rating.',
        'Reason: Not about the session',
      ],
      ['An admin restored your review of Carla Jensen: it is visible again.'],
    ]);

    await i18n.changeLanguage('de');
    expect(texts('Jemand', 'de')).toEqual([
      ['Carla Jensen hat auf deine Bewertung geantwortet.'],
      [
        'Ein Admin hat deine Bewertung von Carla Jensen entfernt: Sie erscheint nicht mehr im Profil und zählt nicht mehr zur Bewertung.',
        'Grund: Not about the session',
      ],
      [
        'Ein Admin hat deine Bewertung von Carla Jensen wiederhergestellt: Sie ist wieder sichtbar.',
      ],
    ]);
  });
});
