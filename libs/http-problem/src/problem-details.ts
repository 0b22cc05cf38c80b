import type { FieldProblem } from '@atrium/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem document, with Atrium's stable error code and the fields at fault. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

export function problemTypeOf(code: string): string {
  return `urn:atrium:problem:${code}`;
}
