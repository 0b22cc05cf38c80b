/**
 * The life of a campaign, as a pure state machine: which command moves it from which state to
 * which, and who may give the command. The service loads the campaign, asks here, and saves the
 * answer (or maps the refusal to an error with campaign-state.errors); nothing here reads a
 * clock or a database.
 *
 * - draft: edit (stays draft), submit → submitted
 * - submitted: approve → approved; reject or withdraw → draft
 * - approved: schedule → scheduled; start ("send now") → sending; withdraw → draft
 * - scheduled: schedule again (new time); unschedule → approved; start → sending; withdraw → draft
 * - sending: pause → paused; complete → completed
 * - paused: resume → sending
 * - every state but completed and cancelled: cancel → cancelled
 */

export const CAMPAIGN_STATES = ['draft', 'submitted', 'approved', 'scheduled', 'sending', 'paused', 'completed', 'cancelled'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** Who gives a command: a member of staff (as the gateway names them) or the service itself (scheduler, sender). */
export type CampaignActor =
  | { readonly kind: 'staff'; readonly username: string; readonly roles: readonly string[] }
  | { readonly kind: 'system' };

/** The lifecycle part of a campaign: its state and who moved it there. */
export interface CampaignLifecycle {
  readonly state: CampaignState;
  /** Username of the member of staff who drafted it. */
  readonly createdBy: string;
  /** Who submitted it for approval (last time); cleared when it goes back to draft. */
  readonly submittedBy?: string;
  readonly approvedBy?: string;
  readonly approvedAt?: Date;
  /** When it is to start sending (UTC); set while scheduled. */
  readonly sendAt?: Date;
  /** When sending started: the moment the recipient list was frozen. */
  readonly startedAt?: Date;
  /** When it completed or was cancelled. */
  readonly endedAt?: Date;
  readonly cancelledBy?: string;
  /** Why a supervisor sent it back to draft, until it is submitted again. */
  readonly rejection?: { readonly by: string; readonly reason: string; readonly at: Date };
}

export type CampaignCommand =
  | { readonly type: 'edit' }
  | { readonly type: 'submit' }
  | { readonly type: 'withdraw' }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'approve' }
  | { readonly type: 'schedule'; readonly sendAt: Date }
  | { readonly type: 'unschedule' }
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'complete' }
  | { readonly type: 'cancel' };
export type CampaignCommandType = CampaignCommand['type'];

/**
 * Why a command was refused. `kind` says which kind of domain error it is: `conflict` (the
 * campaign's state does not allow it now), `not-allowed` (not this actor), `invalid-input` (a
 * value given with the command; `field` names it).
 */
export type CampaignRefusal =
  | { readonly code: 'wrong-state'; readonly kind: 'conflict'; readonly message: string; readonly state: CampaignState }
  | { readonly code: 'not-due'; readonly kind: 'conflict'; readonly message: string; readonly field: 'sendAt' }
  | { readonly code: 'role-required' | 'own-campaign' | 'staff-only' | 'system-only'; readonly kind: 'not-allowed'; readonly message: string }
  | {
      readonly code: 'reason-required' | 'schedule-in-past' | 'schedule-too-far';
      readonly kind: 'invalid-input';
      readonly message: string;
      readonly field: 'reason' | 'sendAt';
    };

export type CampaignTransition = { readonly ok: true; readonly campaign: CampaignLifecycle } | { readonly ok: false; readonly refusal: CampaignRefusal };

/** Staff roles that run campaigns (the gateway lets the same roles write to this service). */
const OPERATORS = ['specialist', 'supervisor', 'admin'];
/** Staff roles that approve: a supervisor, or an admin who may do everything. */
const APPROVERS = ['supervisor', 'admin'];
/** A schedule further ahead than this is a typo (a year typed wrong), not a plan. */
export const MAX_SCHEDULE_AHEAD_DAYS = 366;
const MAX_REASON_LENGTH = 500;
const DAY_MS = 86_400_000;

/** The states each command may be given in. */
const FROM: Readonly<Record<CampaignCommandType, readonly CampaignState[]>> = {
  edit: ['draft'],
  submit: ['draft'],
  withdraw: ['submitted', 'approved', 'scheduled'],
  reject: ['submitted'],
  approve: ['submitted'],
  schedule: ['approved', 'scheduled'],
  unschedule: ['scheduled'],
  start: ['approved', 'scheduled'],
  pause: ['sending'],
  resume: ['paused'],
  complete: ['sending'],
  cancel: ['draft', 'submitted', 'approved', 'scheduled', 'sending', 'paused'],
};

const DOING: Readonly<Record<CampaignCommandType, string>> = {
  edit: 'edited (editing is only possible in draft)',
  submit: 'submitted',
  withdraw: 'withdrawn to draft',
  reject: 'rejected',
  approve: 'approved',
  schedule: 'scheduled',
  unschedule: 'unscheduled',
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
  complete: 'completed',
  cancel: 'cancelled',
};

/**
 * The campaign after `command` given by `actor` at `now`, or why not. Rules beyond the states:
 * - editing, submitting, scheduling, pausing, resuming and cancelling: any operator (specialist,
 *   supervisor, admin); the service may pause and resume too (a provider outage);
 * - approving and rejecting: a supervisor (or admin) only, and **never one's own campaign**:
 *   neither the author nor whoever submitted it may approve it;
 * - withdrawing to draft: the author, or a supervisor (or admin); any approval is voided;
 * - scheduling: not in the past (`now` is given) and at most MAX_SCHEDULE_AHEAD_DAYS ahead;
 * - starting: staff may start an approved or scheduled campaign at once ("send now"); the
 *   service starts a scheduled one once its time has come;
 * - completing: the service only, when the last message has been handed to the provider.
 */
export function transitionCampaign(campaign: CampaignLifecycle, command: CampaignCommand, actor: CampaignActor, now: Date): CampaignTransition {
  const actorRefusal = refuseActor(campaign, command, actor);
  if (actorRefusal) return refused(actorRefusal);
  if (!FROM[command.type].includes(campaign.state)) {
    return refused({
      code: 'wrong-state',
      kind: 'conflict',
      state: campaign.state,
      message: `A ${campaign.state} campaign cannot be ${DOING[command.type]}.`,
    });
  }
  const by = actor.kind === 'staff' ? actor.username : undefined;

  switch (command.type) {
    case 'edit':
      return moved(campaign);
    case 'submit':
      return moved({ ...campaign, state: 'submitted', submittedBy: by, rejection: undefined });
    case 'withdraw':
      return moved(backToDraft(campaign));
    case 'reject': {
      const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
      if (reason === '' || reason.length > MAX_REASON_LENGTH) {
        return refused({
          code: 'reason-required',
          kind: 'invalid-input',
          field: 'reason',
          message: `A rejection must say why, in 1 to ${MAX_REASON_LENGTH} characters, so the author can put it right.`,
        });
      }
      return moved({ ...backToDraft(campaign), rejection: { by: by ?? '', reason, at: now } });
    }
    case 'approve':
      return moved({ ...campaign, state: 'approved', approvedBy: by, approvedAt: now });
    case 'schedule': {
      const sendAt = command.sendAt;
      if (!(sendAt instanceof Date) || Number.isNaN(sendAt.getTime()) || sendAt.getTime() < now.getTime()) {
        return refused({
          code: 'schedule-in-past',
          kind: 'invalid-input',
          field: 'sendAt',
          message: `A campaign cannot be scheduled in the past: sendAt must be ${now.toISOString()} or later.`,
        });
      }
      if (sendAt.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * DAY_MS) {
        return refused({
          code: 'schedule-too-far',
          kind: 'invalid-input',
          field: 'sendAt',
          message: `A campaign can be scheduled at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead.`,
        });
      }
      return moved({ ...campaign, state: 'scheduled', sendAt });
    }
    case 'unschedule':
      return moved({ ...campaign, state: 'approved', sendAt: undefined });
    case 'start':
      if (actor.kind === 'system') {
        if (campaign.state !== 'scheduled') {
          return refused({ code: 'wrong-state', kind: 'conflict', state: campaign.state, message: 'Only a scheduled campaign starts by itself.' });
        }
        if (campaign.sendAt === undefined || campaign.sendAt.getTime() > now.getTime()) {
          return refused({
            code: 'not-due',
            kind: 'conflict',
            field: 'sendAt',
            message: `The campaign is scheduled for ${campaign.sendAt?.toISOString() ?? 'no time'}; it is not due yet.`,
          });
        }
      }
      return moved({ ...campaign, state: 'sending', startedAt: now });
    case 'pause':
      return moved({ ...campaign, state: 'paused' });
    case 'resume':
      return moved({ ...campaign, state: 'sending' });
    case 'complete':
      return moved({ ...campaign, state: 'completed', endedAt: now });
    case 'cancel':
      return moved({ ...campaign, state: 'cancelled', cancelledBy: by, endedAt: now });
  }
}

/** Whether this actor may ever give this command to this campaign, whatever its state. */
function refuseActor(campaign: CampaignLifecycle, command: CampaignCommand, actor: CampaignActor): CampaignRefusal | undefined {
  const systemMay = command.type === 'start' || command.type === 'pause' || command.type === 'resume' || command.type === 'complete';
  if (actor.kind === 'system') {
    return systemMay ? undefined : { code: 'staff-only', kind: 'not-allowed', message: `Only staff may have a campaign ${DOING[command.type]}.` };
  }
  if (command.type === 'complete') {
    return { code: 'system-only', kind: 'not-allowed', message: 'A campaign completes when its last message is handed over; staff may pause or cancel it.' };
  }
  const has = (roles: readonly string[]): boolean => actor.roles.some((role) => roles.includes(role));
  if (command.type === 'approve' || command.type === 'reject') {
    const own = actor.username === campaign.createdBy || actor.username === campaign.submittedBy;
    if (command.type === 'approve' && own) {
      return { code: 'own-campaign', kind: 'not-allowed', message: 'Nobody approves their own campaign: another supervisor must approve it.' };
    }
    return has(APPROVERS) ? undefined : { code: 'role-required', kind: 'not-allowed', message: `Only a supervisor may have a campaign ${DOING[command.type]}.` };
  }
  if (command.type === 'withdraw') {
    return actor.username === campaign.createdBy || has(APPROVERS)
      ? undefined
      : { code: 'role-required', kind: 'not-allowed', message: 'Only the author or a supervisor may withdraw a campaign to draft.' };
  }
  return has(OPERATORS)
    ? undefined
    : { code: 'role-required', kind: 'not-allowed', message: `Only campaign staff (${OPERATORS.join(', ')}) may have a campaign ${DOING[command.type]}.` };
}

/** Back to draft voids everything that approval and scheduling decided. */
function backToDraft(campaign: CampaignLifecycle): CampaignLifecycle {
  return { ...campaign, state: 'draft', submittedBy: undefined, approvedBy: undefined, approvedAt: undefined, sendAt: undefined };
}

function moved(campaign: CampaignLifecycle): CampaignTransition {
  return { ok: true, campaign: withoutUndefined(campaign) };
}

function refused(refusal: CampaignRefusal): CampaignTransition {
  return { ok: false, refusal };
}

/** Cleared fields are absent, not `undefined`: what is saved is what is compared. */
function withoutUndefined(campaign: CampaignLifecycle): CampaignLifecycle {
  return Object.fromEntries(Object.entries(campaign).filter(([, value]) => value !== undefined)) as unknown as CampaignLifecycle;
}
