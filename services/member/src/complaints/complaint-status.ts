import type { ComplaintStatus } from './complaint.entity';
import { ComplaintTransitionError, ResolutionRequiredError } from './complaint.errors';

/**
 * Where a complaint may go from each status. A desk may resolve on the spot (open → resolved);
 * a resolution the shopper does not accept reopens it (resolved → in progress); closed is final.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  open: ['in-progress', 'resolved'],
  'in-progress': ['resolved'],
  resolved: ['closed', 'in-progress'],
  closed: [],
};

/** What a status change sets besides the status. */
export interface StatusChange {
  readonly status: ComplaintStatus;
  readonly resolution?: string;
  readonly resolvedAt?: Date;
  readonly closedAt?: Date;
  /** Seconds from recording to this resolution. */
  readonly timeToResolveSeconds?: number;
  /** Fields the change clears (a reopened complaint is no longer resolved). */
  readonly clears: readonly ('resolution' | 'resolvedAt' | 'timeToResolveSeconds')[];
}

/** Checks a status change and works out its effects; throws if the rules refuse it. */
export function changeStatus(current: { status: ComplaintStatus; createdAt: Date }, to: ComplaintStatus, at: Date, resolution?: string): StatusChange {
  const allowed = COMPLAINT_TRANSITIONS[current.status];
  if (!allowed.includes(to)) throw new ComplaintTransitionError(current.status, to, allowed);
  switch (to) {
    case 'resolved': {
      const text = resolution?.trim();
      if (!text) throw new ResolutionRequiredError();
      return { status: to, resolution: text, resolvedAt: at, timeToResolveSeconds: Math.max(0, Math.round((at.getTime() - current.createdAt.getTime()) / 1000)), clears: [] };
    }
    case 'closed':
      return { status: to, closedAt: at, clears: [] };
    case 'in-progress':
      return { status: to, clears: current.status === 'resolved' ? ['resolution', 'resolvedAt', 'timeToResolveSeconds'] : [] };
    case 'open':
      // Nothing goes back to open (the table never allows it); kept for an exhaustive switch.
      return { status: to, clears: [] };
  }
}
