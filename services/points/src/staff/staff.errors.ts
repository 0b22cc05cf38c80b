import { NotAllowedError, UnauthenticatedError } from '@atrium/errors';

/** A staff-only action reached the service without the gateway's word on who is calling. */
export class StaffUnknownError extends UnauthenticatedError {
  constructor() {
    super('staff.unknown', 'Only signed-in staff may do this; call it through the gateway.');
  }
}

/** The caller's roles do not allow the action. */
export class StaffRoleRequiredError extends NotAllowedError {
  constructor(code: string, action: string, roles: readonly string[]) {
    super(code, `Only ${roles.join(' or ')} staff may ${action}.`, [], { requiredRoles: roles });
  }
}
