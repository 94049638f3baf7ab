import { adminsRoom } from '@coachhub/shared/socket-events';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import type { CoachPresenter } from './coach-presenter.js';

/**
 * After a verification change the coach's open pages get the new profile (`coach:updated`), and
 * every admin's verification queue hears that the coach joined it (`pending`: applied or
 * resubmitted) or left it (`coach:verification_changed`), so no one has to reload.
 */
export function announceVerificationChanges(deps: {
  events: EventBus;
  presenter: CoachPresenter;
  realtime: Pick<Realtime, 'emitToUser' | 'emitToRooms'>;
}): () => void {
  return deps.events.subscribe(
    'coach.verification_changed',
    'coach sockets',
    async ({ coachId }) => {
      const [coach] = await deps.presenter.presentByUserIds([coachId]);
      if (!coach) return;
      deps.realtime.emitToUser(coachId, 'coach:updated', { coach });
      deps.realtime.emitToRooms({ rooms: [adminsRoom()] }, 'coach:verification_changed', {
        coach,
      });
    },
  );
}
