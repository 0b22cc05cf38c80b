/**
 * Error classes of the MongoDB driver (and mongoose) that mean the database did not answer,
 * not that the operation or the event was wrong. Matched by class name along the prototype
 * chain, so that a second copy of the driver in node_modules is recognised as well.
 */
const UNAVAILABLE_CLASSES = new Set([
  'MongoNetworkError', // connection refused, reset or timed out (MongoNetworkTimeoutError extends it)
  'MongoServerSelectionError', // no server answered within serverSelectionTimeoutMS
  'MongooseServerSelectionError',
  'MongoPoolClearedError', // the pool was cleared after a network error; the operation never ran
  'MongoServerClosedError',
  'MongoNotConnectedError',
]);

/** mongoose queues operations while it reconnects, and fails them after bufferTimeoutMS. */
const MONGOOSE_BUFFER_TIMEOUT = /buffering timed out after \d+ms/;

/**
 * Whether an error says the database is away (down, restarting, frozen), also when it is the
 * `cause` of another error. Such a failure is retried for as long as it lasts: the event
 * itself is fine, and dead-lettering it would lose it (a sale that never reaches the ledger).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (classNames(current).some((name) => UNAVAILABLE_CLASSES.has(name))) return true;
    if (classNames(current).includes('MongooseError') && MONGOOSE_BUFFER_TIMEOUT.test(current.message)) return true;
  }
  return false;
}

function classNames(error: Error): string[] {
  const names: string[] = [];
  for (let proto: unknown = Object.getPrototypeOf(error); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
    names.push((proto as { constructor: { name: string } }).constructor.name);
  }
  return names;
}
