/** Whether a programme's code signs employees up (inside its validity window) or is suspended by staff. */
export const PROGRAMME_STATUSES = ['active', 'suspended'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * A corporate member programme: employees of a company sign up as members with its code, and
 * are counted as the company's recruits. A plain object, never a mongoose document.
 */
export interface CorporateProgramme {
  readonly id: string;
  /** Uppercase letters and digits, unique, never changed (PROGRAMME_CODE_PATTERN). */
  readonly code: string;
  readonly companyId: string;
  /** The company's name when the programme was made (companies are not renamed). */
  readonly companyName: string;
  /** First instant the code works (inclusive). */
  readonly validFrom: Date;
  /** First instant it no longer works (exclusive); absent: no end. */
  readonly validUntil?: Date;
  readonly status: ProgrammeStatus;
  /** 1 when made, one more with every change: consumers keep the highest they saw. */
  readonly revision: number;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}
