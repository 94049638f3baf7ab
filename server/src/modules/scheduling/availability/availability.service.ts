import type { AvailabilityDTO, PublicAvailabilityDTO } from '@coachhub/shared/scheduling';
import mongoose from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { AppError } from '../../../core/errors.js';
import { findVisibleCoachSummary, isOwnCoach } from '../../coaches/coach-visibility.js';
import { setCoachBookingSettings } from '../../coaches/coach-records.js';
import { loadAvailability } from './availability-store.js';
import { toAvailabilityDTO, toPublicAvailabilityDTO } from './availability.mapper.js';
import { Availability } from './availability.model.js';

export function createAvailabilityService() {
  return {
    /** The coach gets everything; anyone else what a booking page needs (shared/scheduling.ts). */
    async get(
      coachId: string,
      viewer: Principal | undefined,
    ): Promise<AvailabilityDTO | PublicAvailabilityDTO> {
      const coach = await findVisibleCoachSummary(coachId, viewer);
      const availability = await loadAvailability(coachId, { coachTimeZone: coach.timeZone });
      return isOwnCoach(coachId, viewer) ? availability : toPublicAvailabilityDTO(availability);
    },

    /**
     * Replaces the whole availability (validated by the route). The Coach document keeps a copy
     * of the settings (`bookingSettings`), written in the same transaction. Existing bookings
     * stay as they are; new slots follow the new rules at once.
     */
    async replace(
      coachId: string,
      caller: Principal,
      availability: AvailabilityDTO,
    ): Promise<AvailabilityDTO> {
      if (caller.userId !== coachId) {
        throw new AppError(403, 'FORBIDDEN', 'Only the coach can change this availability');
      }
      const stored = await mongoose.connection.transaction(async (session) => {
        const isCoach = await setCoachBookingSettings(coachId, availability.settings, session);
        if (!isCoach) throw new AppError(403, 'FORBIDDEN', 'Only coaches have an availability');
        return Availability.findOneAndUpdate(
          { coach: coachId },
          { $set: availability },
          { upsert: true, returnDocument: 'after', runValidators: true, session },
        ).lean();
      });
      if (!stored) throw new Error('availability upsert returned nothing');
      return toAvailabilityDTO(stored);
    },
  };
}

export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
