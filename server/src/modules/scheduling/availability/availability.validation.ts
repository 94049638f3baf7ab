import {
  MAX_DATE_OVERRIDES,
  MAX_INTERVALS_PER_DAY,
  type AvailabilityDTO,
  type BookingSettings,
  type DateOverride,
  type TimeInterval,
  type WeeklyInterval,
} from '@coachhub/shared/scheduling';
import { objectAt, listAt, type BodyIssues } from '../../../core/body-checks.js';
import { availabilityIssues } from '../../../domain/availability-rules.js';

const SETTINGS_KEYS: readonly (keyof BookingSettings)[] = [
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minNoticeHours',
  'maxDaysAhead',
  'dailyLimit',
  'requiresApproval',
  'cancellationPolicy',
];

/**
 * `PUT /api/availability/:userId`: the exact shape (every field present, no unknown key at any
 * depth), then every rule of domain/availability-rules.ts. Each issue names its path, e.g.
 * `weekly[2].end` or `settings.cancellationPolicy.feePercent`.
 */
export function parseAvailability(body: unknown, issues: BodyIssues): AvailabilityDTO | undefined {
  const root = objectAt(body, '', ['timeZone', 'weekly', 'overrides', 'settings'], issues);
  if (!root) return undefined;
  for (const key of ['timeZone', 'weekly', 'overrides', 'settings'] as const) {
    if (!(key in root)) issues.add(key, 'Required');
  }
  const weekly = listAt(root.weekly, 'weekly', 7 * MAX_INTERVALS_PER_DAY, issues);
  weekly?.forEach((item, index) =>
    objectAt(item, `weekly[${index}]`, ['weekday', 'start', 'end'], issues),
  );
  const overrides = listAt(root.overrides, 'overrides', MAX_DATE_OVERRIDES, issues);
  overrides?.forEach((item, index) => {
    const path = `overrides[${index}]`;
    const override = objectAt(item, path, ['date', 'intervals'], issues);
    if (!override) return;
    const intervals = listAt(
      override.intervals,
      `${path}.intervals`,
      MAX_INTERVALS_PER_DAY,
      issues,
    );
    intervals?.forEach((interval, position) =>
      objectAt(interval, `${path}.intervals[${position}]`, ['start', 'end'], issues),
    );
  });
  const settings = objectAt(root.settings, 'settings', SETTINGS_KEYS, issues);
  if (settings) {
    objectAt(
      settings.cancellationPolicy,
      'settings.cancellationPolicy',
      ['freeUntilHours', 'feePercent'],
      issues,
    );
  }
  if (!issues.empty) return undefined;

  // The shape is right; the domain rules check types, ranges, overlaps and the zone.
  const candidate = root as unknown as AvailabilityDTO;
  for (const issue of availabilityIssues(candidate)) issues.add(issue.field, issue.message);
  if (!issues.empty) return undefined;
  return clean(candidate);
}

/** A copy made of the checked fields only. */
function clean(value: AvailabilityDTO): AvailabilityDTO {
  const interval = ({ start, end }: TimeInterval): TimeInterval => ({ start, end });
  return {
    timeZone: value.timeZone,
    weekly: value.weekly.map(({ weekday, start, end }): WeeklyInterval => ({
      weekday,
      start,
      end,
    })),
    overrides: value.overrides.map(({ date, intervals }): DateOverride => ({
      date,
      intervals: intervals.map(interval),
    })),
    settings: {
      bufferBeforeMinutes: value.settings.bufferBeforeMinutes,
      bufferAfterMinutes: value.settings.bufferAfterMinutes,
      minNoticeHours: value.settings.minNoticeHours,
      maxDaysAhead: value.settings.maxDaysAhead,
      dailyLimit: value.settings.dailyLimit,
      requiresApproval: value.settings.requiresApproval,
      cancellationPolicy: {
        freeUntilHours: value.settings.cancellationPolicy.freeUntilHours,
        feePercent: value.settings.cancellationPolicy.feePercent,
      },
    },
  };
}
