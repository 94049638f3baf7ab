import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import type { CoachPresenter } from './coach-presenter.js';

/** After a verification decision the coach's open pages get the new profile (`coach:updated`). */
export function announceVerificationChanges(deps: {
  events: EventBus;
  presenter: CoachPresenter;
  realtime: Pick<Realtime, 'emitToUser'>;
}): () => void {
  return deps.events.subscribe(
    'coach.verification_changed',
    'coach sockets',
    async ({ coachId }) => {
      const [coach] = await deps.presenter.presentByUserIds([coachId]);
      if (coach) deps.realtime.emitToUser(coachId, 'coach:updated', { coach });
    },
  );
}
