import Emittery from 'emittery';
import { errorText } from '../errors.js';
import type { Logger } from '../logger.js';
import { currentRequestId } from '../request-context.js';
import type { DomainEventName, DomainEvents } from './domain-events.js';

export type EventHandler<N extends DomainEventName> = (
  payload: DomainEvents[N],
) => void | Promise<void>;

/**
 * The one in-process bus for domain events. Publishers call `publish` after their transaction
 * committed and do not wait: delivery runs after the current tick, so a slow or failing
 * subscriber never delays, fails or undoes the write. A subscriber's error is logged with the
 * request id of the change that caused it.
 */
export interface EventBus {
  publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): void;
  /** `subscriber` names who listens, for the log line when it fails. Returns an unsubscribe. */
  subscribe<N extends DomainEventName>(
    name: N,
    subscriber: string,
    handler: EventHandler<N>,
  ): () => void;
  /** Resolves once every delivery started so far has finished (graceful shutdown, tests). */
  settled(): Promise<void>;
}

export function createEventBus(logger: Logger): EventBus {
  const emitter = new Emittery<DomainEvents>();
  const inFlight = new Set<Promise<void>>();

  return {
    publish(name, payload) {
      const requestId = currentRequestId();
      // Emittery hands the payload to listeners in a later microtask and resolves when all ran.
      const delivery = emitter.emit(name, payload).catch((error: unknown) => {
        // Handlers catch their own errors (subscribe); this only guards the bus itself.
        logger.error('Domain event delivery failed', { event: name, requestId, error });
      });
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    },

    subscribe(name, subscriber, handler) {
      // Emittery 2 hands listeners `{ name, data }`; subscribers get the payload alone.
      return emitter.on(name, async ({ data }) => {
        try {
          // Emittery types `data` as the union of all payloads; `name` fixes it to this one.
          await handler(data as DomainEvents[typeof name]);
        } catch (error) {
          logger.error(`Subscriber ${subscriber} failed on ${name}`, {
            event: name,
            subscriber,
            requestId: currentRequestId(),
            error: errorText(error),
            stack: error instanceof Error ? error.stack : undefined,
          });
        }
      });
    },

    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
