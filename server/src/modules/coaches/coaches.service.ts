import type { CoachProfileDTO, SessionTypeDTO } from '@coachhub/shared/booking';
import type {
  BecomeCoachRequest,
  BecomeCoachResponse,
  CoachDTO,
  CoachProfilePictureResponse,
  UpdateCoachRequest,
} from '@coachhub/shared/coach';
import type { Principal } from '../../core/auth/principal.js';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { needsReview } from '../../domain/coach-vetting.js';
import type { ImageStorage } from '../uploads/image-storage.js';
import { toUserDTO } from '../users/user.mapper.js';
import { createCoach } from './coach-creation.js';
import type { CoachLifecycle } from './coach-lifecycle.js';
import { findVisibleCoach } from './coach-visibility.js';
import type { CoachPresenter } from './coach-presenter.js';
import { Coach, type CoachRecord } from './coach.model.js';

const onlyTheCoach = () =>
  new AppError(403, 'FORBIDDEN', 'Only the coach can change this coach profile');

export function createCoachesService(deps: {
  presenter: CoachPresenter;
  lifecycle: CoachLifecycle;
  storage: ImageStorage;
  /** The session-types feature's answer for a profile page (kept out of this module). */
  activeSessionTypes: (coachUserId: string) => Promise<SessionTypeDTO[]>;
  events: EventBus;
}) {
  const { presenter } = deps;

  async function presentOne(coach: CoachRecord): Promise<CoachDTO> {
    const [dto] = await presenter.present([coach]);
    if (!dto) throw notFound('Coach');
    return dto;
  }

  return {
    /**
     * Atomic and not repeatable: a second call answers 409 CONFLICT. The new coach enters the
     * verification queue (`coach.verification_changed`, pending) once the creation committed.
     */
    async becomeCoach(userId: string, profile: BecomeCoachRequest): Promise<BecomeCoachResponse> {
      const { user, coach } = await createCoach(userId, profile, deps.lifecycle);
      deps.events.publish('user.role_changed', { userId, role: user.role });
      deps.events.publish('coach.verification_changed', {
        coachId: userId,
        status: 'pending',
        reason: '',
        by: userId,
      });
      return { user: toUserDTO(user), coach: await presentOne(coach) };
    },

    /**
     * The profile with the coach's active session types. 404 for a coach the viewer may not
     * see, so hidden profiles are not confirmed to exist.
     */
    async getCoach(userId: string, viewer: Principal | undefined): Promise<CoachProfileDTO> {
      const coach = await findVisibleCoach(userId, viewer);
      const [dto, sessionTypes] = await Promise.all([
        presentOne(coach),
        deps.activeSessionTypes(userId),
      ]);
      return { ...dto, sessionTypes };
    },

    /**
     * A rejected coach who edits the profile, and an approved coach who changes a vetted field
     * (certifications, years of experience), go (back) into the verification queue: pending,
     * out of the directory until an admin decides again (domain/coach-vetting.ts).
     */
    async updateCoach(
      userId: string,
      caller: Principal,
      changes: UpdateCoachRequest,
    ): Promise<CoachDTO> {
      if (caller.userId !== userId) throw onlyTheCoach();
      let review = false;
      let updated: CoachRecord | null = null;
      // The decision rests on the status read; if an admin decides in between, decide again.
      for (let attempt = 0; attempt < 3 && !updated; attempt += 1) {
        const current = await Coach.findOne({ user: userId }).lean();
        if (!current) throw notFound('Coach');
        review = needsReview(current.verification.status, current, changes);
        updated = await Coach.findOneAndUpdate(
          { user: userId, 'verification.status': current.verification.status },
          {
            $set: {
              ...changes,
              ...(review
                ? {
                    'verification.status': 'pending',
                    'verification.reason': null,
                    'verification.submittedAt': new Date(),
                  }
                : {}),
            },
          },
          { returnDocument: 'after', runValidators: true },
        ).lean();
      }
      if (!updated) throw new AppError(409, 'CONFLICT', 'The profile changed meanwhile; try again');
      if (review) {
        deps.events.publish('coach.verification_changed', {
          coachId: userId,
          status: 'pending',
          reason: '',
          by: userId,
        });
      }
      return presentOne(updated);
    },

    async setCoachPicture(
      userId: string,
      caller: Principal,
      bytes: Buffer,
    ): Promise<CoachProfilePictureResponse> {
      if (caller.userId !== userId) throw onlyTheCoach();
      if (!(await Coach.exists({ user: userId }))) throw notFound('Coach');
      const coachProfilePicture = await deps.storage.replace(
        bytes,
        'coach-pictures',
        async (image) => {
          const before = await Coach.findOneAndUpdate(
            { user: userId },
            { $set: { coachProfilePicture: image } },
            { returnDocument: 'before' },
          ).lean();
          if (!before) throw notFound('Coach');
          return before.coachProfilePicture;
        },
      );
      return { coachProfilePicture };
    },
  };
}

export type CoachesService = ReturnType<typeof createCoachesService>;
