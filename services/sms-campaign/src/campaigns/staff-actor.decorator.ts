import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { staffActorFrom, type StaffActor } from './staff-actor';
import { StaffUnknownError } from './staff.errors';

/**
 * The member of staff behind a request that writes (`@Staff() actor: StaffActor`). A request
 * without the gateway's identity headers is refused (401): every segment, template and
 * campaign names who made, changed and approved it.
 */
export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = staffActorFrom(context.switchToHttp().getRequest<Request>().headers);
  if (!actor) throw new StaffUnknownError();
  return actor;
});
