/** Whether a programme's code signs employees up (inside its window) or was suspended by outreach staff. */
export type CorporateProgrammeStatus = 'active' | 'suspended';

/**
 * The member service's copy of a corporate programme from the outreach service
 * (`outreach.corporate-programme-changed`): what registration needs to check a code.
 */
export interface CorporateProgramme {
  readonly programmeId: string;
  /** Uppercase letters and digits, as outreach stores it; typed codes are matched case-insensitively. */
  readonly code: string;
  readonly companyId: string;
  readonly companyName: string;
  /** First instant the code works (inclusive). */
  readonly validFrom: Date;
  /** First instant it no longer works (exclusive); absent: no end. */
  readonly validUntil?: Date;
  readonly status: CorporateProgrammeStatus;
  /** The outreach revision this copy holds; an event with a revision not above it is stale. */
  readonly revision: number;
  readonly changedAt: Date;
}
