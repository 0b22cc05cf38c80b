import { NotFoundError } from '@atrium/errors';

export class AccountNotFoundError extends NotFoundError {
  constructor(memberId: string) {
    super('points.account-not-found', `No points account for member ${memberId}.`, [], { memberId });
  }
}
