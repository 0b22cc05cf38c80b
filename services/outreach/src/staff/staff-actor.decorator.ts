import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { staffActorFrom, type StaffActor } from './staff-actor';
import { StaffUnknownError } from './staff.errors';

/** The staff member behind a change (recorded as its author); a request without one is refused (401). */
export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = staffActorFrom(context.switchToHttp().getRequest<Request>().headers);
  if (!actor) throw new StaffUnknownError();
  return actor;
});
