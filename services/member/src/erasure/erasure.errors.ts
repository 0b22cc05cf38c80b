import { NotAllowedError } from '@atrium/errors';

/** Erasure cannot be undone: the service checks the role itself as well as the gateway. */
export class ErasureNotAllowedError extends NotAllowedError {
  constructor() {
    super('member.erasure-not-allowed', 'Only a supervisor erases a member.');
  }
}
