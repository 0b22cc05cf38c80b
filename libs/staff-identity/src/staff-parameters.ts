import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiUnauthorizedResponse } from '@nestjs/swagger';
import { UnauthenticatedError } from '@atrium/errors';
import { STAFF_HEADER, staffActorFrom, type StaffActor } from './staff-actor';

/** A change arrived without the gateway's identity headers: nobody could be named as its author. */
export class StaffUnknownError extends UnauthenticatedError {
  constructor(service: string) {
    super(`${service}.staff-unknown`, `The caller is not named: staff changes come through the gateway, which sets ${STAFF_HEADER}.`);
  }
}

/**
 * A service's route parameters for the caller: `Staff` for requests that change data (refused
 * with 401 `<service>.staff-unknown` without the gateway's headers, since a change nobody can
 * be named for would leave its audit or authorship without a "who"), and `OptionalStaff` for
 * reads and registration, where the caller may be a shopper's own route or nobody.
 */
function declaresStaffUnknown(service: string) {
  // A route taking `Staff` answers 401 without the gateway's headers: its document says so.
  return (target: object, key: string | symbol | undefined): void => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiUnauthorizedResponse({ description: `${service}.staff-unknown: the gateway's ${STAFF_HEADER} header is missing` })(target, key, descriptor);
  };
}

export function staffParameters(service: string) {
  const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
    const actor = staffActorFrom(context.switchToHttp().getRequest<Request>().headers);
    if (!actor) throw new StaffUnknownError(service);
    return actor;
  }, [declaresStaffUnknown(service)]);
  const OptionalStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor | undefined =>
    staffActorFrom(context.switchToHttp().getRequest<Request>().headers),
  );
  return { Staff, OptionalStaff };
}
