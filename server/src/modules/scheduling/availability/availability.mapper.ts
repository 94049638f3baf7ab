import type {
  AvailabilityDTO,
  BookingSettings,
  PublicAvailabilityDTO,
} from '@coachhub/shared/scheduling';

type AvailabilityValues = Pick<AvailabilityDTO, 'timeZone' | 'weekly' | 'overrides' | 'settings'>;

export function toSettingsDTO(settings: BookingSettings): BookingSettings {
  return {
    bufferBeforeMinutes: settings.bufferBeforeMinutes,
    bufferAfterMinutes: settings.bufferAfterMinutes,
    minNoticeHours: settings.minNoticeHours,
    maxDaysAhead: settings.maxDaysAhead,
    dailyLimit: settings.dailyLimit,
    requiresApproval: settings.requiresApproval,
    cancellationPolicy: {
      freeUntilHours: settings.cancellationPolicy.freeUntilHours,
      feePercent: settings.cancellationPolicy.feePercent,
    },
  };
}

/** What the coach sees and edits: everything. */
export function toAvailabilityDTO(values: AvailabilityValues): AvailabilityDTO {
  return {
    timeZone: values.timeZone,
    weekly: values.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    overrides: values.overrides.map(({ date, intervals }) => ({
      date,
      intervals: intervals.map(({ start, end }) => ({ start, end })),
    })),
    settings: toSettingsDTO(values.settings),
  };
}

/** What everyone else sees: what a booking page needs, not the coach's private planning. */
export function toPublicAvailabilityDTO(values: AvailabilityValues): PublicAvailabilityDTO {
  const { settings } = values;
  return {
    timeZone: values.timeZone,
    weekly: values.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    settings: {
      minNoticeHours: settings.minNoticeHours,
      maxDaysAhead: settings.maxDaysAhead,
      requiresApproval: settings.requiresApproval,
      cancellationPolicy: {
        freeUntilHours: settings.cancellationPolicy.freeUntilHours,
        feePercent: settings.cancellationPolicy.feePercent,
      },
    },
  };
}
