import { ConflictError, NotFoundError } from '@atrium/errors';

export class StaffNotFoundError extends NotFoundError {
  constructor(username: string) {
    super('staff.not-found', `No staff account has username ${username}.`, [], { username });
  }
}

export class StaffUsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('staff.username-taken', `A staff account with username ${username} exists already.`, [{ field: 'username', message: 'is taken' }], {
      username,
    });
  }
}

/** Nobody could manage staff any more if the last active admin were deactivated or lost the role. */
export class LastAdminError extends ConflictError {
  constructor(username: string) {
    super('staff.last-admin', `${username} is the last active admin; make another admin first.`, [], { username });
  }
}
