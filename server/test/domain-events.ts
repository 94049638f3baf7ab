import type { DomainEventName, DomainEvents } from '../src/core/events/domain-events.js';
import type { TestServer } from './test-server.js';

export type RecordedEvent = { name: DomainEventName; payload: DomainEvents[DomainEventName] };

/**
 * Records every event of these names that the test server publishes. `published()` waits for
 * the deliveries in flight, then returns what came since the last `clear()`.
 */
export function recordEvents(t: TestServer, names: readonly DomainEventName[]) {
  let seen: RecordedEvent[] = [];
  for (const name of names) {
    t.server.events.subscribe(name, 'test recorder', (payload) => {
      seen.push({ name, payload });
    });
  }
  return {
    clear() {
      seen = [];
    },
    async published(): Promise<RecordedEvent[]> {
      await t.server.events.settled();
      return seen;
    },
  };
}
