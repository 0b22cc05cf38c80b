import { InvalidInputError, NotAllowedError, NotFoundError, RateLimitedError, UnauthenticatedError } from '@atrium/errors';
import type { FieldFault } from './till-batch.rules';

/** One answer for a missing, malformed, unknown, wrong or revoked key, so none can be told apart. */
export class TillKeyInvalidError extends UnauthenticatedError {
  constructor() {
    super('pos.key-invalid', 'The till API key is missing, unknown or revoked.');
  }
}

export class TillKeyNotFoundError extends NotFoundError {
  constructor(keyId: string) {
    super('pos.key-not-found', `No till API key has id ${keyId}.`, [], { keyId });
  }
}

export class TillBatchWrongTenantError extends NotAllowedError {
  constructor(faults: readonly FieldFault[]) {
    super('batch.wrong-tenant', 'This key records sales for its own tenant only; nothing in the batch was accepted.', faults);
  }
}

export class TillBatchInvalidError extends InvalidInputError {
  constructor(code: 'batch.empty' | 'batch.too-large', faults: readonly FieldFault[]) {
    super(code, 'The batch was refused as a whole; nothing in it was accepted.', faults);
  }
}

export class TillRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('pos.rate-limited', `Too many requests with this key; try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }
}
