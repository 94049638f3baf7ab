import type { CoachLifecycle } from '../../coaches/coach-lifecycle.js';
import { setCoachBookingSettings } from '../../coaches/coach-records.js';
import { defaultAvailability } from './availability-store.js';
import { Availability } from './availability.model.js';

/**
 * A new coach gets the default availability (Monday to Friday 09:00-17:00 in the coach's zone,
 * default booking settings) inside the creating transaction. `$setOnInsert` keeps a retried
 * transaction or an existing document harmless.
 */
export function registerAvailabilityDefaults(lifecycle: CoachLifecycle): () => void {
  return lifecycle.onCoachCreated(async ({ userId, coach, session }) => {
    const defaults = defaultAvailability(coach.timeZone);
    await Availability.updateOne(
      { coach: userId },
      { $setOnInsert: { coach: userId, ...defaults } },
      { upsert: true, session },
    );
    await setCoachBookingSettings(userId, defaults.settings, session);
  });
}
