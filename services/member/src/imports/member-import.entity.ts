import type { ImportColumn, ImportRowValues, RowProblem } from './import-file';

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** An import of members from an earlier system (one CSV file), run as a job. */
export interface MemberImport {
  readonly id: string;
  readonly status: ImportStatus;
  readonly columns: readonly ImportColumn[];
  readonly totalRows: number;
  /** Whether the members it creates get the welcome SMS (POST /imports?sendWelcome=true); false by default. */
  readonly sendWelcome: boolean;
  /** Who uploaded it: the audit of every member it creates names them. */
  readonly requestedBy: string;
  readonly requestedByRoles: readonly string[];
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  readonly failure?: string;
}

/**
 * What became of a row: `created` a member; `skipped` because the phone is a member's already
 * (an earlier import of the same file, or any registration): nothing is changed and no
 * opening points are given twice; `failed` a check, with the problems.
 */
export type RowOutcome = 'created' | 'skipped' | 'failed';

export interface ImportRow {
  readonly importId: string;
  readonly row: number;
  /** The row's text; wiped when the import ends (the file's personal data is not kept). */
  readonly values?: ImportRowValues;
  readonly extraFields: number;
  readonly outcome?: RowOutcome;
  /** The member created, or the member the phone belongs to (skipped). */
  readonly memberId?: string;
  readonly problems?: readonly RowProblem[];
}

/** How far an import got, counted from its rows. */
export interface ImportProgress {
  readonly processed: number;
  readonly created: number;
  readonly skipped: number;
  readonly failed: number;
}
