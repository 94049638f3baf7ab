/**
 * Errors of the driver and of Mongoose that mean "no database to talk to" (it is down, unreachable
 * or the connection was closed), as opposed to a query that failed. The API answers them 503.
 */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

// Mongoose holds operations while disconnected and gives up after `bufferTimeoutMS`.
const BUFFERING_TIMED_OUT = /buffering timed out/;

export function isDatabaseUnavailable(error: unknown): boolean {
  // A transaction or a bulk write wraps the driver's error; look one level down too.
  for (let current = error, depth = 0; depth < 2; depth += 1) {
    if (!(current instanceof Error)) return false;
    if (UNAVAILABLE_NAMES.has(current.name)) return true;
    if (current.name === 'MongooseError' && BUFFERING_TIMED_OUT.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
