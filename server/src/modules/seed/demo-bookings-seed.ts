import type { AvailabilityDTO, BookingParty, BookingStatus } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import mongoose, { type ClientSession, type Types } from 'mongoose';
import { cancellationFee } from '../../domain/cancellation-fee.js';
import { quotePrice, type ClientHistory, type PricingRules } from '../../domain/pricing.js';
import { computeSlots, type BookedTime } from '../../domain/slots.js';
import { rangesOverlap } from '../../domain/time-ranges.js';
import { loadAvailability } from '../scheduling/availability/availability-store.js';
import {
  anyBookingBetween,
  importBookings,
  type BookingFields,
  type StoredHistoryEntry,
} from '../scheduling/bookings/booking-import.js';
import { newMeetingUrl } from '../scheduling/bookings/meeting-url.js';
import { lockSchedules, prepareScheduleLocks } from '../scheduling/schedule-lock/schedule-lock.js';
import { loadPricingRules } from '../scheduling/pricing/pricing-store.js';
import {
  sessionTypesOf,
  type SessionTypeRecord,
} from '../scheduling/session-types/session-type-import.js';
import { findUsersByEmails } from '../users/user-accounts.js';
import { CARLA_EMAIL, MARCO_EMAIL } from './demo-scheduling.js';

const LENA_EMAIL = 'lena.client@demo.coachhub.test';
const TOM_EMAIL = 'tom.client@demo.coachhub.test';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

type Coach = 'carla' | 'marco';
type Client = 'lena' | 'tom';

/**
 * One demo booking: who, which session type (by slug), when, and how it ended.
 * Past ones sit at a fixed local time `daysAgo` days back; future ones take the first free slot
 * the coach offers from `daysAhead` days at `time` on, so they respect availability and leave
 * the rest of the coming days open for booking.
 */
interface PlannedBooking {
  coach: Coach;
  client: Client;
  slug: string;
  when: { daysAgo: number; time: string } | { daysAhead: number; time: string };
  outcome: 'completed' | 'cancelled' | 'no_show' | 'pending' | 'confirmed';
  cancelledBy?: BookingParty;
  /** Hours before the start the cancellation came. */
  cancelledHoursBefore?: number;
  notes?: string;
}

const PLAN: readonly PlannedBooking[] = [
  {
    coach: 'carla',
    client: 'lena',
    slug: 'coaching-session',
    when: { daysAgo: 21, time: '10:00' },
    outcome: 'completed',
    notes: 'Preparing my first team meeting as a manager.',
  },
  {
    coach: 'carla',
    client: 'lena',
    slug: 'coaching-session',
    when: { daysAgo: 14, time: '10:00' },
    outcome: 'completed',
  },
  {
    coach: 'carla',
    client: 'tom',
    slug: 'intro-call',
    when: { daysAgo: 9, time: '15:00' },
    outcome: 'cancelled',
    cancelledBy: 'client',
    cancelledHoursBefore: 10,
  },
  {
    coach: 'carla',
    client: 'tom',
    slug: 'coaching-session',
    when: { daysAgo: 5, time: '11:00' },
    outcome: 'no_show',
  },
  {
    coach: 'marco',
    client: 'tom',
    slug: 'coaching-session',
    when: { daysAgo: 12, time: '08:00' },
    outcome: 'completed',
  },
  {
    coach: 'marco',
    client: 'lena',
    slug: 'intro-call',
    when: { daysAgo: 7, time: '17:00' },
    outcome: 'completed',
  },
  {
    coach: 'marco',
    client: 'lena',
    slug: 'coaching-session',
    when: { daysAgo: 3, time: '18:00' },
    outcome: 'cancelled',
    cancelledBy: 'coach',
    cancelledHoursBefore: 30,
  },
  {
    coach: 'carla',
    client: 'lena',
    slug: 'coaching-session',
    when: { daysAhead: 2, time: '10:00' },
    outcome: 'pending',
    notes: 'Feedback conversation with a senior engineer.',
  },
  {
    coach: 'carla',
    client: 'tom',
    slug: 'intro-call',
    when: { daysAhead: 4, time: '14:00' },
    outcome: 'confirmed',
  },
  {
    coach: 'carla',
    client: 'tom',
    slug: 'leadership-deep-dive',
    when: { daysAhead: 6, time: '09:00' },
    outcome: 'pending',
  },
  {
    coach: 'marco',
    client: 'lena',
    slug: 'coaching-session',
    when: { daysAhead: 3, time: '07:00' },
    outcome: 'confirmed',
  },
  {
    coach: 'marco',
    client: 'tom',
    slug: 'intro-call',
    when: { daysAhead: 5, time: '17:00' },
    outcome: 'confirmed',
  },
];

interface CoachContext {
  id: Types.ObjectId;
  availability: AvailabilityDTO;
  rules: PricingRules;
  types: Map<string, SessionTypeRecord>;
  booked: BookedTime[];
}

/**
 * Past (completed, cancelled, no-show) and future (pending, confirmed) bookings between the demo
 * clients Lena and Tom and the demo coaches Carla and Marco, with quotes, history, fees and
 * meeting links as the app would have made them. Runs once: when any booking between them
 * exists, it does nothing. One transaction holding the four schedule locks, so two processes
 * seeding at once cannot both insert. Returns how many bookings it created.
 */
export async function seedDemoBookings(meetingBaseUrl: string, now = new Date()): Promise<number> {
  const users = await findUsersByEmails([CARLA_EMAIL, MARCO_EMAIL, LENA_EMAIL, TOM_EMAIL], 'email');
  const idOf = (email: string) => users.find((user) => user.email === email)?._id;
  const carla = idOf(CARLA_EMAIL);
  const marco = idOf(MARCO_EMAIL);
  const lena = idOf(LENA_EMAIL);
  const tom = idOf(TOM_EMAIL);
  if (!carla || !marco || !lena || !tom) return 0;
  const coachIds = [carla, marco].map((id) => id.toString());
  const clientIds = [lena, tom].map((id) => id.toString());
  if (await anyBookingBetween(coachIds, clientIds)) return 0;
  const everyone = [carla, marco, lena, tom].map((id) => id.toString());
  await prepareScheduleLocks(everyone);

  return mongoose.connection.transaction(async (session) => {
    await lockSchedules(everyone, session);
    if (await anyBookingBetween(coachIds, clientIds, session)) return 0;
    const coaches: Record<Coach, CoachContext | null> = {
      carla: await coachContext(carla, session),
      marco: await coachContext(marco, session),
    };
    const clients: Record<Client, Types.ObjectId> = { lena, tom };
    const clientBusy: Record<Client, BookedTime[]> = { lena: [], tom: [] };
    const docs: Partial<BookingFields>[] = [];
    for (const planned of PLAN) {
      const coach = coaches[planned.coach];
      const type = coach?.types.get(planned.slug);
      if (!coach || !type) continue;
      const start = startOf(planned, coach, type.durationMinutes, clientBusy[planned.client], now);
      if (!start) continue;
      const end = new Date(start.getTime() + type.durationMinutes * MINUTE_MS);
      const withCoach = docs.filter(
        (doc) => doc.coach === coach.id && doc.client === clients[planned.client],
      );
      const sessionsBefore: ClientHistory = {
        completedSessions: withCoach.filter((doc) => doc.status === 'completed').length,
        hasSessions: withCoach.some(
          (doc) =>
            doc.status !== undefined && doc.status !== 'cancelled' && doc.status !== 'declined',
        ),
      };
      docs.push(
        bookingDoc(planned, {
          coach,
          type,
          client: clients[planned.client],
          start,
          end,
          now,
          meetingBaseUrl,
          sessionsBefore,
        }),
      );
      if (planned.outcome === 'pending' || planned.outcome === 'confirmed') {
        coach.booked.push({ start, end });
        clientBusy[planned.client].push({ start, end });
      }
    }
    await importBookings(docs, session);
    return docs.length;
  });
}

async function coachContext(
  id: Types.ObjectId,
  session: ClientSession,
): Promise<CoachContext | null> {
  const types = await sessionTypesOf(id.toString(), session);
  if (types.length === 0) return null;
  return {
    id,
    availability: await loadAvailability(id.toString(), { session }),
    rules: await loadPricingRules(id.toString(), session),
    types: new Map(types.map((type) => [type.slug, type])),
    booked: [],
  };
}

function startOf(
  planned: PlannedBooking,
  coach: CoachContext,
  durationMinutes: number,
  clientBusy: readonly BookedTime[],
  now: Date,
): Date | null {
  const [hour = 0, minute = 0] = planned.when.time.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: coach.availability.timeZone }).set({
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });
  if ('daysAgo' in planned.when) return local.minus({ days: planned.when.daysAgo }).toJSDate();
  const from = local.plus({ days: planned.when.daysAhead }).toJSDate();
  const slots = computeSlots({
    availability: coach.availability,
    settings: coach.availability.settings,
    bookings: coach.booked,
    durationMinutes,
    range: { from, to: new Date(from.getTime() + 14 * DAY_MS) },
    now,
  });
  const free = slots.find((slot) => {
    const range = { start: Date.parse(slot.start), end: Date.parse(slot.end) };
    return !clientBusy.some((busy) =>
      rangesOverlap(range, { start: busy.start.getTime(), end: busy.end.getTime() }),
    );
  });
  return free ? new Date(free.start) : null;
}

function bookingDoc(
  planned: PlannedBooking,
  context: {
    coach: CoachContext;
    type: SessionTypeRecord;
    client: Types.ObjectId;
    start: Date;
    end: Date;
    now: Date;
    meetingBaseUrl: string;
    sessionsBefore: ClientHistory;
  },
): Partial<BookingFields> {
  const { coach, type, start, end } = context;
  const settings = coach.availability.settings;
  const past = start.getTime() < context.now.getTime();
  // Booked a week before a past session, a day ago for a future one.
  const createdAt = new Date(past ? start.getTime() - 7 * DAY_MS : context.now.getTime() - DAY_MS);
  const quote = quotePrice({
    config: coach.rules,
    sessionType: {
      _id: type._id.toString(),
      durationMinutes: type.durationMinutes,
      title: type.title,
    },
    start,
    now: createdAt,
    clientHistory: context.sessionsBefore,
  });
  const firstStatus: BookingStatus = settings.requiresApproval ? 'pending' : 'confirmed';
  const history: StoredHistoryEntry[] = [
    { action: 'create', from: null, to: firstStatus, by: 'client', at: createdAt },
  ];
  let status: BookingStatus = firstStatus;
  const step = (
    action: StoredHistoryEntry['action'],
    to: BookingStatus,
    by: BookingParty,
    at: Date,
  ) => {
    history.push({ action, from: status, to, by, at });
    status = to;
  };
  if (planned.outcome !== 'pending' && status === 'pending') {
    step('confirm', 'confirmed', 'coach', new Date(createdAt.getTime() + 2 * HOUR_MS));
  }
  let cancellation: BookingFields['cancellation'] = null;
  if (planned.outcome === 'completed') step('complete', 'completed', 'coach', end);
  if (planned.outcome === 'no_show')
    step('no_show', 'no_show', 'coach', new Date(start.getTime() + 15 * MINUTE_MS));
  if (planned.outcome === 'cancelled') {
    const by = planned.cancelledBy ?? 'client';
    const at = new Date(start.getTime() - (planned.cancelledHoursBefore ?? 48) * HOUR_MS);
    const fee = cancellationFee({
      policy: settings.cancellationPolicy,
      quoted: quote,
      start,
      cancelledAt: at,
      cancelledBy: by,
    });
    step('cancel', 'cancelled', by, at);
    cancellation = {
      by,
      at,
      reason: by === 'coach' ? 'I am travelling that day, sorry!' : 'Something came up at work.',
      fee: { amount: fee.amount, currency: fee.currency },
      feeReason: fee.reason,
    };
  }
  const confirmed = history.some((entry) => entry.to === 'confirmed');
  const updatedAt = history[history.length - 1]?.at ?? createdAt;
  return {
    coach: coach.id,
    client: context.client,
    sessionType: type._id,
    sessionTypeSnapshot: {
      title: type.title,
      durationMinutes: type.durationMinutes,
      mode: type.mode,
    },
    start,
    end,
    status,
    quote,
    cancellationPolicy: { ...settings.cancellationPolicy },
    feeClockStart: start,
    notes: planned.notes ?? null,
    meetingUrl: confirmed ? newMeetingUrl(context.meetingBaseUrl) : null,
    cancellation,
    history,
    icsSequence: history.filter((entry) => entry.action === 'confirm' || entry.action === 'cancel')
      .length,
    revision: history.length - 1,
    createdAt,
    updatedAt,
  };
}
