import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { staffActorFrom, type StaffActor } from './staff-actor';
import { StaffUnknownError } from './staff.errors';

/**
 * The staff member behind a request that changes member data, for the audit. A request
 * without the gateway's identity headers is refused (401): a change nobody can be named for
 * would leave an audit entry without its "who".
 */
export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = staffActorFrom(context.switchToHttp().getRequest<Request>().headers);
  if (!actor) throw new StaffUnknownError();
  return actor;
});

/** The staff member behind a request, when the gateway named one (reads and registration). */
export const OptionalStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor | undefined =>
  staffActorFrom(context.switchToHttp().getRequest<Request>().headers),
);
