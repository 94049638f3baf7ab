import type { SessionMode } from '@coachhub/shared/booking';
import type { Currency, NewDiscount, NewSessionPackage } from '@coachhub/shared/pricing';
import {
  DEFAULT_BOOKING_SETTINGS,
  DEFAULT_WEEKLY_AVAILABILITY,
  type AvailabilityDTO,
  type Weekday,
  type WeeklyInterval,
} from '@coachhub/shared/scheduling';
import type { DemoCoach } from './demo-coaches.js';

export const CARLA_EMAIL = 'carla.coach@demo.coachhub.test';
export const MARCO_EMAIL = 'marco.coach@demo.coachhub.test';

export interface DemoSessionType {
  title: string;
  slug: string;
  durationMinutes: number;
  mode: SessionMode;
  description: string;
  /** A rate of its own (minor units); otherwise the hourly rate applies. */
  rate?: number;
}

/** What the scheduling seed gives one demo coach. */
export interface DemoSchedule {
  currency: Currency;
  sessionTypes: DemoSessionType[];
  baseHourlyRate: number;
  discounts: NewDiscount[];
  packages: NewSessionPackage[];
  availability: Omit<AvailabilityDTO, 'timeZone'>;
}

const days = (weekdays: Weekday[], start: string, end: string): WeeklyInterval[] =>
  weekdays.map((weekday) => ({ weekday, start, end }));

const roundTo100 = (amount: number) => Math.round(amount / 100) * 100;

/**
 * Every priced demo coach offers a 30-minute intro call at its `priceFrom` and a 60-minute
 * session at the hourly rate (1.8 times that), so the directory's price-from stays what
 * demo-coaches.ts says. Carla (needs approval, open every day, short notice: always bookable in
 * the coming days) and Marco (books instantly) get more to show.
 */
export function demoScheduleFor(coach: DemoCoach): DemoSchedule | null {
  if (!coach.priceFrom) return null;
  const intro = coach.priceFrom.amount;
  const base: DemoSchedule = {
    currency: coach.priceFrom.currency,
    sessionTypes: [
      {
        title: 'Intro call',
        slug: 'intro-call',
        durationMinutes: 30,
        mode: 'video',
        description: 'Get to know each other and see whether we are a good fit.',
        rate: intro,
      },
      {
        title: 'Coaching session',
        slug: 'coaching-session',
        durationMinutes: 60,
        mode: 'video',
        description: 'A full session on your goals.',
      },
    ],
    baseHourlyRate: roundTo100(intro * 1.8),
    discounts: [],
    packages: [],
    availability: {
      weekly: DEFAULT_WEEKLY_AVAILABILITY,
      overrides: [],
      settings: DEFAULT_BOOKING_SETTINGS,
    },
  };
  if (coach.email === CARLA_EMAIL) {
    return {
      ...base,
      sessionTypes: [
        ...base.sessionTypes,
        {
          title: 'Leadership deep dive',
          slug: 'leadership-deep-dive',
          durationMinutes: 90,
          mode: 'video',
          description: 'Ninety minutes on one hard situation: a conversation, a decision, a team.',
        },
      ],
      discounts: [
        { kind: 'first_session', label: 'Welcome: first session', percent: 20, active: true },
      ],
      packages: [
        {
          name: 'Five coaching sessions',
          sessions: 5,
          price: 72000,
          validityDays: 120,
          active: true,
        },
      ],
      availability: {
        weekly: [
          ...days([1, 2, 3, 4, 5], '09:00', '12:00'),
          ...days([1, 2, 3, 4, 5], '13:00', '18:00'),
          ...days([0, 6], '10:00', '14:00'),
        ],
        overrides: [],
        settings: {
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 15,
          minNoticeHours: 2,
          maxDaysAhead: 60,
          dailyLimit: 6,
          requiresApproval: true,
          cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
        },
      },
    };
  }
  if (coach.email === MARCO_EMAIL) {
    return {
      ...base,
      sessionTypes: [
        ...base.sessionTypes,
        {
          title: 'Training in person',
          slug: 'training-in-person',
          durationMinutes: 60,
          mode: 'in_person',
          description: 'A workout together in Zurich.',
          rate: 12000,
        },
      ],
      discounts: [
        {
          kind: 'volume',
          label: 'Regulars: from the sixth session',
          percent: 10,
          minSessions: 5,
          active: true,
        },
      ],
      packages: [
        { name: 'Ten-week plan', sessions: 10, price: 110000, validityDays: 90, active: true },
      ],
      availability: {
        weekly: [
          ...days([1, 2, 3, 4, 5, 6], '07:00', '11:00'),
          ...days([1, 2, 3, 4, 5], '16:00', '20:00'),
        ],
        overrides: [],
        settings: {
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 10,
          minNoticeHours: 12,
          maxDaysAhead: 45,
          dailyLimit: 0,
          requiresApproval: false,
          cancellationPolicy: { freeUntilHours: 12, feePercent: 100 },
        },
      },
    };
  }
  return base;
}
