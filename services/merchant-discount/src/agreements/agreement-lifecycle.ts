import type { AgreementState, AgreementStatus, AgreementTermination, CalendarDay } from './agreement.entity';
import { AgreementRoleError, AgreementTransitionError, AuthorCannotApproveError } from './agreement.errors';

/** What staff do to a version of an agreement. */
export type AgreementAction = 'edit' | 'submit' | 'approve' | 'return' | 'sign';

export interface AgreementActor {
  readonly staffId: string;
  readonly roles: readonly string[];
}

interface ActionRule {
  readonly from: readonly AgreementStatus[];
  readonly to: AgreementStatus;
  readonly roles: readonly string[];
  /** The version's author may not do it (four eyes). */
  readonly notByAuthor: boolean;
  readonly words: string;
}

const WRITERS = ['specialist', 'supervisor'];

const RULES: Readonly<Record<AgreementAction, ActionRule>> = {
  edit: { from: ['draft'], to: 'draft', roles: WRITERS, notByAuthor: false, words: 'edited' },
  submit: { from: ['draft'], to: 'submitted', roles: WRITERS, notByAuthor: false, words: 'submitted for approval' },
  approve: { from: ['submitted'], to: 'approved', roles: ['supervisor'], notByAuthor: true, words: 'approved' },
  return: { from: ['submitted'], to: 'draft', roles: ['supervisor'], notByAuthor: true, words: 'returned to its author' },
  sign: { from: ['approved'], to: 'signed', roles: WRITERS, notByAuthor: false, words: 'signed off by the tenant' },
};

/**
 * The status a version moves to when `actor` does `action` to it, or the domain error saying
 * why not: the wrong status, a role that may not, or the author approving their own version.
 */
export function nextStatus(version: { readonly status: AgreementStatus; readonly author: string }, action: AgreementAction, actor: AgreementActor): AgreementStatus {
  const rule = RULES[action];
  if (!actor.roles.some((role) => rule.roles.includes(role))) throw new AgreementRoleError(rule.words, rule.roles);
  if (!rule.from.includes(version.status)) throw new AgreementTransitionError(rule.words, version.status, rule.from);
  if (rule.notByAuthor && version.author === actor.staffId) throw new AuthorCannotApproveError(version.author);
  return rule.to;
}

/** Ending an agreement early is a supervisor's call. */
export function checkMayTerminate(actor: AgreementActor, inForce: boolean, status: AgreementStatus): void {
  if (!actor.roles.includes('supervisor')) throw new AgreementRoleError('terminated', ['supervisor']);
  if (!inForce) throw new AgreementTransitionError('terminated', status, ['signed']);
}

/**
 * What an agreement is on a day: a signed one is active from validFrom to validUntil (or to
 * its termination's last day, when earlier), expired after; before signing it is its status.
 */
export function agreementStateOn(
  agreement: { readonly status: AgreementStatus; readonly validFrom: CalendarDay; readonly validUntil: CalendarDay; readonly termination?: AgreementTermination },
  day: CalendarDay,
): AgreementState {
  if (agreement.status !== 'signed' && agreement.status !== 'terminated') return agreement.status;
  const lastDay = agreement.termination && agreement.termination.lastDay < agreement.validUntil ? agreement.termination.lastDay : agreement.validUntil;
  if (day < agreement.validFrom) return agreement.status === 'terminated' ? 'terminated' : 'signed-not-yet-valid';
  if (day <= lastDay) return 'active';
  return agreement.status === 'terminated' ? 'terminated' : 'expired';
}
