/**
 * Listeners that run inside the transaction of a change, for copies and defaults that must
 * commit with it (unlike domain events, which follow the commit). The database may retry that
 * transaction, so a listener must only write through the event's session (no e-mails, sockets
 * or HTTP calls); throwing aborts the whole change. Modules lower in the house publish a hook,
 * higher ones register on it, so the dependency still runs one way.
 */
export interface TransactionHook<E> {
  /** Adds a listener; the returned function removes it again. */
  on(listener: (event: E) => Promise<void>): () => void;
  /** Calls every listener in registration order, one after another (a session runs one operation at a time). */
  run(event: E): Promise<void>;
}

export function createTransactionHook<E>(): TransactionHook<E> {
  const listeners: ((event: E) => Promise<void>)[] = [];
  return {
    on(listener) {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index !== -1) listeners.splice(index, 1);
      };
    },
    async run(event) {
      for (const listener of [...listeners]) await listener(event);
    },
  };
}
