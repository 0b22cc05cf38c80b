import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthenticationRequiredError } from './access.errors';
import type { AuthenticatedStaff, StaffRequest } from './authenticated-staff';

/** The signed-in staff member of a guarded route. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedStaff => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new AuthenticationRequiredError('auth.token-missing', 'Sign in first: send Authorization: Bearer <token>.');
  return staff;
});
