import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';
import type { ComplaintStatus } from './complaint.entity';

export class ComplaintNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('complaint.not-found', `No complaint has id ${id}.`, [], { complaintId: id });
  }
}

/** The status cannot go from where it is to where it was asked to go. */
export class ComplaintTransitionError extends ConflictError {
  constructor(from: ComplaintStatus, to: ComplaintStatus, allowed: readonly ComplaintStatus[]) {
    const next = allowed.length > 0 ? `it can go to ${allowed.join(', ')}` : 'it is final';
    super('complaint.transition-not-allowed', `A complaint that is ${from} cannot become ${to}; ${next}.`, [{ field: 'status', message: `cannot go from ${from} to ${to}` }], {
      from,
      to,
      allowed,
    });
  }
}

export class ResolutionRequiredError extends InvalidInputError {
  constructor() {
    super('complaint.resolution-required', 'Resolving a complaint needs the resolution: what was done.', [{ field: 'resolution', message: 'is required to resolve' }]);
  }
}

export class ComplaintClosedError extends ConflictError {
  constructor(id: string) {
    super('complaint.closed', `Complaint ${id} is closed.`, [], { complaintId: id });
  }
}
