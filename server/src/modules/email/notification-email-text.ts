import { formatDateTime, formatMoney, type FormatContext } from '@coachhub/shared/format';
import type { Locale } from '@coachhub/shared/locales';
import type { NotificationParams, NotificationType } from '@coachhub/shared/notification';
import type { Currency } from '@coachhub/shared/pricing';

/** The words of one notification's mail in the reader's language. */
export interface NotificationEmailText {
  subject: string;
  paragraphs: string[];
  action: string;
  footer: string;
}

/** Dates with the weekday and the zone, so a mail read days later is still unambiguous. */
const WHEN: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** The params as the reader should see them: times in their zone, fees in their format. */
interface Values {
  name: string;
  title: string;
  start: string;
  previousStart: string;
  /** The time a client asked to move a session to. */
  requestedStart: string;
  reason: string | null;
  fee: string | null;
  /** How far ahead a reminder's session is ("in 1 hour"). */
  lead: string;
  /** The start of a chat message. */
  preview: string;
  /** A review's stars, e.g. "4/5". */
  stars: string;
  /** An amount of money (a refund) in the reader's format. */
  amount: string;
}

function leadText(minutes: number, locale: string): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return minutes % 60 === 0
    ? relative.format(minutes / 60, 'hour')
    : relative.format(minutes, 'minute');
}

function valuesOf(params: NotificationParams, context: FormatContext): Values {
  const text = (key: string) => (params[key] === undefined ? '' : String(params[key]));
  const when = (key: string) => (params[key] ? formatDateTime(text(key), context, WHEN) : '');
  const feeAmount = Number(params.feeAmount ?? 0);
  const money = (amount: number, currency: string) =>
    formatMoney({ amount, currency: currency as Currency }, context.locale);
  return {
    name: text('name'),
    title: text('title'),
    start: when('start'),
    previousStart: when('previousStart'),
    requestedStart: when('requestedStart'),
    reason: params.reason ? text('reason') : null,
    fee: feeAmount > 0 && params.feeCurrency ? money(feeAmount, text('feeCurrency')) : null,
    lead: leadText(Number(params.leadMinutes ?? 0), context.locale),
    preview: text('preview'),
    stars: `${text('rating')}/5`,
    amount: params.currency ? money(Number(params.amount ?? 0), text('currency')) : '',
  };
}

type Texts = Record<
  NotificationType,
  (v: Values) => { subject: string; paragraphs: (string | null)[] }
>;

const ENGLISH: Texts = {
  'booking.requested': (v) => ({
    subject: `New booking request from ${v.name}`,
    paragraphs: [
      `${v.name} asked for "${v.title}" on ${v.start}.`,
      'Confirm or decline the request in your practice.',
    ],
  }),
  'booking.booked': (v) => ({
    subject: `New booking: ${v.title} with ${v.name}`,
    paragraphs: [`${v.name} booked "${v.title}" on ${v.start}.`, 'The calendar file is attached.'],
  }),
  'booking.confirmed': (v) => ({
    subject: `Confirmed: ${v.title} on ${v.start}`,
    paragraphs: [
      `${v.name} confirmed your session "${v.title}" on ${v.start}.`,
      'The calendar file is attached.',
    ],
  }),
  'booking.declined': (v) => ({
    subject: `Declined: ${v.title} on ${v.start}`,
    paragraphs: [
      `${v.name} declined your request for "${v.title}" on ${v.start}.`,
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'booking.cancelled': (v) => ({
    subject: `Cancelled: ${v.title} on ${v.start}`,
    paragraphs: [
      `${v.name} cancelled "${v.title}" on ${v.start}.`,
      v.reason ? `Reason: ${v.reason}` : null,
      v.fee ? `Cancellation fee: ${v.fee}` : null,
    ],
  }),
  'booking.rescheduled': (v) => ({
    subject: `Moved: ${v.title} is now on ${v.start}`,
    paragraphs: [
      `${v.name} moved "${v.title}" from ${v.previousStart} to ${v.start}.`,
      'The updated calendar file is attached.',
    ],
  }),
  'booking.reschedule_requested': (v) => ({
    subject: `${v.name} asks to move ${v.title} to ${v.requestedStart}`,
    paragraphs: [
      `${v.name} asks to move "${v.title}" from ${v.start} to ${v.requestedStart}.`,
      'Both times stay reserved until you approve or decline the new time in your practice.',
    ],
  }),
  'booking.reschedule_declined': (v) => ({
    subject: `New time declined: ${v.title} stays on ${v.start}`,
    paragraphs: [
      `${v.name} declined moving "${v.title}" to ${v.requestedStart}. The session stays on ${v.start}.`,
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'booking.reminder': (v) => ({
    subject: `Reminder: ${v.title} with ${v.name} ${v.lead}`,
    paragraphs: [`Your session "${v.title}" with ${v.name} starts ${v.lead}, on ${v.start}.`],
  }),
  'coach.approved': () => ({
    subject: 'Your coach profile is approved',
    paragraphs: [
      'Your profile is now listed in the CoachHub directory, where clients can book you.',
    ],
  }),
  'coach.rejected': (v) => ({
    subject: 'Your coach profile needs changes',
    paragraphs: [
      'An admin reviewed your profile and asks for changes before it is listed.',
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'account.warned': (v) => ({
    subject: 'A warning about your CoachHub account',
    paragraphs: [
      'An admin warned you about how you use CoachHub. Please keep to the community rules; repeated problems can lead to a suspension.',
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'report.resolved': () => ({
    subject: 'Your report was handled',
    paragraphs: ['Thank you for your report. An admin looked into it and took action.'],
  }),
  'report.dismissed': () => ({
    subject: 'Your report was reviewed',
    paragraphs: [
      'Thank you for your report. An admin looked into it and found no breach of the community rules.',
    ],
  }),
  'moderation.message_hidden': (v) => ({
    subject: 'A message of yours was removed',
    paragraphs: [
      'An admin removed one of your chat messages after it was reported.',
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'message.received': (v) => ({
    subject: `New message from ${v.name}`,
    paragraphs: [`${v.name} wrote:`, `"${v.preview}"`, 'Open the conversation to reply.'],
  }),
  'proposal.received': (v) => ({
    subject: `${v.name} proposed a time: ${v.title} on ${v.start}`,
    paragraphs: [
      `${v.name} proposed "${v.title}" on ${v.start}.`,
      'Accept or decline it in your conversation.',
    ],
  }),
  'proposal.accepted': (v) => ({
    subject: `Accepted: ${v.title} on ${v.start}`,
    paragraphs: [`${v.name} accepted your proposal: "${v.title}" on ${v.start}.`],
  }),
  'proposal.declined': (v) => ({
    subject: `Declined: ${v.title} on ${v.start}`,
    paragraphs: [`${v.name} declined your proposal of "${v.title}" on ${v.start}.`],
  }),
  'review.received': (v) => ({
    subject: `New review from ${v.name}: ${v.stars}`,
    paragraphs: [
      `${v.name} reviewed a session with you: ${v.stars} stars.`,
      'Read it on your profile; you can reply once, and edit the reply for 24 hours.',
    ],
  }),
  'review.responded': (v) => ({
    subject: `${v.name} replied to your review`,
    paragraphs: [
      `${v.name} replied to your review of a session.`,
      "Read the reply with your review on the coach's profile.",
    ],
  }),
  'moderation.review_hidden': (v) => ({
    subject: 'A review of yours was removed',
    paragraphs: [
      `An admin removed your review of ${v.name}: it no longer shows on the profile or counts in the rating.`,
      v.reason ? `Reason: ${v.reason}` : null,
    ],
  }),
  'moderation.review_restored': (v) => ({
    subject: 'Your review is visible again',
    paragraphs: [
      `An admin restored your review of ${v.name}: it shows on the profile and counts in the rating again.`,
    ],
  }),
  'payment.refunded': (v) => ({
    subject: `Refunded: ${v.amount} for ${v.title}`,
    paragraphs: [
      `${v.amount} for "${v.title}" on ${v.start} was refunded to you.`,
      'Depending on your bank it can take a few days to show on your account. The receipt lists the refund.',
    ],
  }),
};

const GERMAN: Texts = {
  'booking.requested': (v) => ({
    subject: `Neue Buchungsanfrage von ${v.name}`,
    paragraphs: [
      `${v.name} fragt „${v.title}“ am ${v.start} an.`,
      'Bestätige oder lehne die Anfrage in deiner Praxis ab.',
    ],
  }),
  'booking.booked': (v) => ({
    subject: `Neue Buchung: ${v.title} mit ${v.name}`,
    paragraphs: [
      `${v.name} hat „${v.title}“ am ${v.start} gebucht.`,
      'Die Kalenderdatei ist angehängt.',
    ],
  }),
  'booking.confirmed': (v) => ({
    subject: `Bestätigt: ${v.title} am ${v.start}`,
    paragraphs: [
      `${v.name} hat deine Sitzung „${v.title}“ am ${v.start} bestätigt.`,
      'Die Kalenderdatei ist angehängt.',
    ],
  }),
  'booking.declined': (v) => ({
    subject: `Abgelehnt: ${v.title} am ${v.start}`,
    paragraphs: [
      `${v.name} hat deine Anfrage für „${v.title}“ am ${v.start} abgelehnt.`,
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'booking.cancelled': (v) => ({
    subject: `Abgesagt: ${v.title} am ${v.start}`,
    paragraphs: [
      `${v.name} hat „${v.title}“ am ${v.start} abgesagt.`,
      v.reason ? `Grund: ${v.reason}` : null,
      v.fee ? `Stornogebühr: ${v.fee}` : null,
    ],
  }),
  'booking.rescheduled': (v) => ({
    subject: `Verschoben: ${v.title} ist jetzt am ${v.start}`,
    paragraphs: [
      `${v.name} hat „${v.title}“ von ${v.previousStart} auf ${v.start} verschoben.`,
      'Die aktualisierte Kalenderdatei ist angehängt.',
    ],
  }),
  'booking.reschedule_requested': (v) => ({
    subject: `${v.name} möchte ${v.title} auf ${v.requestedStart} verschieben`,
    paragraphs: [
      `${v.name} möchte „${v.title}“ von ${v.start} auf ${v.requestedStart} verschieben.`,
      'Beide Termine bleiben reserviert, bis du den neuen Termin in deiner Praxis annimmst oder ablehnst.',
    ],
  }),
  'booking.reschedule_declined': (v) => ({
    subject: `Neuer Termin abgelehnt: ${v.title} bleibt am ${v.start}`,
    paragraphs: [
      `${v.name} hat die Verschiebung von „${v.title}“ auf ${v.requestedStart} abgelehnt. Die Sitzung bleibt am ${v.start}.`,
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'booking.reminder': (v) => ({
    subject: `Erinnerung: ${v.title} mit ${v.name} ${v.lead}`,
    paragraphs: [`Deine Sitzung „${v.title}“ mit ${v.name} beginnt ${v.lead}, am ${v.start}.`],
  }),
  'coach.approved': () => ({
    subject: 'Dein Coach-Profil ist freigegeben',
    paragraphs: [
      'Dein Profil steht jetzt im CoachHub-Verzeichnis, wo Klientinnen und Klienten dich buchen können.',
    ],
  }),
  'coach.rejected': (v) => ({
    subject: 'Dein Coach-Profil braucht Änderungen',
    paragraphs: [
      'Ein Admin hat dein Profil geprüft und bittet um Änderungen, bevor es erscheint.',
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'account.warned': (v) => ({
    subject: 'Eine Verwarnung zu deinem CoachHub-Konto',
    paragraphs: [
      'Ein Admin hat dich wegen deines Verhaltens auf CoachHub verwarnt. Bitte halte dich an die Gemeinschaftsregeln; wiederholte Verstöße können zur Sperrung führen.',
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'report.resolved': () => ({
    subject: 'Deine Meldung wurde bearbeitet',
    paragraphs: ['Danke für deine Meldung. Ein Admin hat sie geprüft und Maßnahmen ergriffen.'],
  }),
  'report.dismissed': () => ({
    subject: 'Deine Meldung wurde geprüft',
    paragraphs: [
      'Danke für deine Meldung. Ein Admin hat sie geprüft und keinen Verstoß gegen die Gemeinschaftsregeln festgestellt.',
    ],
  }),
  'moderation.message_hidden': (v) => ({
    subject: 'Eine deiner Nachrichten wurde entfernt',
    paragraphs: [
      'Ein Admin hat eine deiner Chat-Nachrichten entfernt, nachdem sie gemeldet wurde.',
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'message.received': (v) => ({
    subject: `Neue Nachricht von ${v.name}`,
    paragraphs: [
      `${v.name} schreibt:`,
      `„${v.preview}“`,
      'Öffne die Unterhaltung, um zu antworten.',
    ],
  }),
  'proposal.received': (v) => ({
    subject: `${v.name} schlägt einen Termin vor: ${v.title} am ${v.start}`,
    paragraphs: [
      `${v.name} schlägt „${v.title}“ am ${v.start} vor.`,
      'Nimm den Vorschlag in eurer Unterhaltung an oder lehne ihn ab.',
    ],
  }),
  'proposal.accepted': (v) => ({
    subject: `Angenommen: ${v.title} am ${v.start}`,
    paragraphs: [`${v.name} hat deinen Vorschlag angenommen: „${v.title}“ am ${v.start}.`],
  }),
  'proposal.declined': (v) => ({
    subject: `Abgelehnt: ${v.title} am ${v.start}`,
    paragraphs: [`${v.name} hat deinen Vorschlag „${v.title}“ am ${v.start} abgelehnt.`],
  }),
  'review.received': (v) => ({
    subject: `Neue Bewertung von ${v.name}: ${v.stars}`,
    paragraphs: [
      `${v.name} hat eine Sitzung mit dir bewertet: ${v.stars} Sterne.`,
      'Lies sie in deinem Profil; du kannst einmal antworten und die Antwort 24 Stunden lang bearbeiten.',
    ],
  }),
  'review.responded': (v) => ({
    subject: `${v.name} hat auf deine Bewertung geantwortet`,
    paragraphs: [
      `${v.name} hat auf deine Bewertung einer Sitzung geantwortet.`,
      'Lies die Antwort bei deiner Bewertung im Profil des Coaches.',
    ],
  }),
  'moderation.review_hidden': (v) => ({
    subject: 'Eine deiner Bewertungen wurde entfernt',
    paragraphs: [
      `Ein Admin hat deine Bewertung von ${v.name} entfernt: Sie erscheint nicht mehr im Profil und zählt nicht mehr zur Bewertung.`,
      v.reason ? `Grund: ${v.reason}` : null,
    ],
  }),
  'moderation.review_restored': (v) => ({
    subject: 'Deine Bewertung ist wieder sichtbar',
    paragraphs: [
      `Ein Admin hat deine Bewertung von ${v.name} wiederhergestellt: Sie erscheint wieder im Profil und zählt wieder zur Bewertung.`,
    ],
  }),
  'payment.refunded': (v) => ({
    subject: `Erstattet: ${v.amount} für ${v.title}`,
    paragraphs: [
      `${v.amount} für „${v.title}“ am ${v.start} wurden dir erstattet.`,
      'Je nach Bank kann es einige Tage dauern, bis der Betrag auf deinem Konto erscheint. Der Beleg führt die Erstattung auf.',
    ],
  }),
};

const CHROME: Record<Locale, { action: string; footer: string }> = {
  en: {
    action: 'Open CoachHub',
    footer: 'You get this e-mail because of your CoachHub notification settings (account page).',
  },
  de: {
    action: 'CoachHub öffnen',
    footer:
      'Du bekommst diese E-Mail wegen deiner Benachrichtigungseinstellungen bei CoachHub (Kontoseite).',
  },
};

const TEXTS: Record<Locale, Texts> = { en: ENGLISH, de: GERMAN };

/** The mail for a notification, in the reader's language, times in the reader's zone. */
export function notificationEmailText(
  type: NotificationType,
  params: NotificationParams,
  reader: { locale: Locale; timeZone: string },
): NotificationEmailText {
  const { subject, paragraphs } = TEXTS[reader.locale][type](valuesOf(params, reader));
  return {
    subject,
    paragraphs: paragraphs.filter((paragraph): paragraph is string => paragraph !== null),
    ...CHROME[reader.locale],
  };
}
