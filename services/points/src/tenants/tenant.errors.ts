import { InvalidInputError } from '@atrium/errors';

/** A tenant event that passes its contract but cannot be applied: dead-lettered with this reason. */
export class TenantEventInvalidError extends InvalidInputError {
  constructor(field: string, message: string) {
    super('points.tenant-event-invalid', `The tenant event cannot be applied: ${field} ${message}.`, [{ field, message }]);
  }
}
