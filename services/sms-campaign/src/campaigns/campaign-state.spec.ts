import { ConflictError, InvalidInputError, NotAllowedError } from '@atrium/errors';
import {
  CAMPAIGN_STATES,
  transitionCampaign,
  type CampaignActor,
  type CampaignCommand,
  type CampaignCommandType,
  type CampaignLifecycle,
  type CampaignState,
  type CampaignTransition,
} from './campaign-state';
import { campaignRefusalError } from './campaign-state.errors';

const now = new Date('2025-06-15T04:00:00Z');
const tomorrow = new Date('2025-06-16T04:00:00Z');
const DAY_MS = 86_400_000;

const staff = (username: string, ...roles: string[]): CampaignActor => ({ kind: 'staff', username, roles });
const sam = staff('sam', 'specialist'); // the author
const sid = staff('sid', 'specialist'); // another specialist
const sue = staff('sue', 'supervisor');
const ada = staff('ada', 'admin');
const system: CampaignActor = { kind: 'system' };

const COMMANDS: Readonly<Record<CampaignCommandType, CampaignCommand>> = {
  edit: { type: 'edit' },
  submit: { type: 'submit' },
  withdraw: { type: 'withdraw' },
  reject: { type: 'reject', reason: 'The offer ends before the send date.' },
  approve: { type: 'approve' },
  schedule: { type: 'schedule', sendAt: tomorrow },
  unschedule: { type: 'unschedule' },
  start: { type: 'start' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  complete: { type: 'complete' },
  cancel: { type: 'cancel' },
};

function campaignIn(state: CampaignState, more: Partial<CampaignLifecycle> = {}): CampaignLifecycle {
  return { state, createdBy: 'sam', submittedBy: state === 'draft' ? undefined : 'sam', ...more };
}

function outcome(transition: CampaignTransition): string {
  return transition.ok ? transition.campaign.state : `✗ ${transition.refusal.code}`;
}

const X = '✗ wrong-state';

describe('transitionCampaign: every command in every state', () => {
  // The state each command leads to from each state, given by someone allowed to give it.
  const table: Record<CampaignState, Record<CampaignCommandType, string>> = {
    draft: { edit: 'draft', submit: 'submitted', withdraw: X, reject: X, approve: X, schedule: X, unschedule: X, start: X, pause: X, resume: X, complete: X, cancel: 'cancelled' },
    submitted: { edit: X, submit: X, withdraw: 'draft', reject: 'draft', approve: 'approved', schedule: X, unschedule: X, start: X, pause: X, resume: X, complete: X, cancel: 'cancelled' },
    approved: { edit: X, submit: X, withdraw: 'draft', reject: X, approve: X, schedule: 'scheduled', unschedule: X, start: 'sending', pause: X, resume: X, complete: X, cancel: 'cancelled' },
    scheduled: { edit: X, submit: X, withdraw: 'draft', reject: X, approve: X, schedule: 'scheduled', unschedule: 'approved', start: 'sending', pause: X, resume: X, complete: X, cancel: 'cancelled' },
    sending: { edit: X, submit: X, withdraw: X, reject: X, approve: X, schedule: X, unschedule: X, start: X, pause: 'paused', resume: X, complete: 'completed', cancel: 'cancelled' },
    paused: { edit: X, submit: X, withdraw: X, reject: X, approve: X, schedule: X, unschedule: X, start: X, pause: X, resume: 'sending', complete: X, cancel: 'cancelled' },
    completed: { edit: X, submit: X, withdraw: X, reject: X, approve: X, schedule: X, unschedule: X, start: X, pause: X, resume: X, complete: X, cancel: X },
    cancelled: { edit: X, submit: X, withdraw: X, reject: X, approve: X, schedule: X, unschedule: X, start: X, pause: X, resume: X, complete: X, cancel: X },
  };

  const cases = CAMPAIGN_STATES.flatMap((state) =>
    (Object.keys(COMMANDS) as CampaignCommandType[]).map((command) => [state, command, table[state][command]] as const),
  );

  it.each(cases)('%s + %s → %s', (state, command, expected) => {
    // A supervisor who did not write it may do everything staff may; completing is the service's.
    const actor = command === 'complete' ? system : sue;
    expect(outcome(transitionCampaign(campaignIn(state, { sendAt: state === 'scheduled' ? tomorrow : undefined }), COMMANDS[command], actor, now))).toBe(
      expected,
    );
  });

  it('names the state and the rule when refusing, e.g. editing a campaign that is sending', () => {
    const transition = transitionCampaign(campaignIn('sending'), COMMANDS.edit, sam, now);
    expect(transition).toEqual({
      ok: false,
      refusal: { code: 'wrong-state', kind: 'conflict', state: 'sending', message: 'A sending campaign cannot be edited (editing is only possible in draft).' },
    });
  });
});

describe('transitionCampaign: who may', () => {
  const submitted = campaignIn('submitted');

  it.each<[string, CampaignLifecycle, CampaignCommandType, CampaignActor, string]>([
    // Approval: a supervisor, never one's own.
    ['a specialist approving their own campaign', submitted, 'approve', sam, '✗ own-campaign'],
    ['a specialist approving another’s campaign', submitted, 'approve', sid, '✗ role-required'],
    ['a supervisor approving a specialist’s campaign', submitted, 'approve', sue, 'approved'],
    ['a supervisor approving a campaign they wrote', campaignIn('submitted', { createdBy: 'sue', submittedBy: 'sue' }), 'approve', sue, '✗ own-campaign'],
    ['a supervisor approving a campaign they submitted for someone else', campaignIn('submitted', { submittedBy: 'sue' }), 'approve', sue, '✗ own-campaign'],
    ['someone who is both specialist and supervisor, approving their own', submitted, 'approve', staff('sam', 'specialist', 'supervisor'), '✗ own-campaign'],
    ['an admin approving another’s campaign', submitted, 'approve', ada, 'approved'],
    ['the desk approving', submitted, 'approve', staff('dan', 'desk'), '✗ role-required'],
    ['the service approving', submitted, 'approve', system, '✗ staff-only'],
    // Rejection: a supervisor.
    ['a specialist rejecting', submitted, 'reject', sid, '✗ role-required'],
    ['a supervisor rejecting', submitted, 'reject', sue, 'draft'],
    // Withdrawal: the author or a supervisor.
    ['the author withdrawing', campaignIn('approved'), 'withdraw', sam, 'draft'],
    ['another specialist withdrawing', campaignIn('approved'), 'withdraw', sid, '✗ role-required'],
    ['a supervisor withdrawing', campaignIn('scheduled', { sendAt: tomorrow }), 'withdraw', sue, 'draft'],
    // Operators: specialist, supervisor, admin.
    ['a specialist editing a draft', campaignIn('draft'), 'edit', sid, 'draft'],
    ['a specialist submitting', campaignIn('draft'), 'submit', sam, 'submitted'],
    ['a specialist scheduling', campaignIn('approved'), 'schedule', sam, 'scheduled'],
    ['a specialist sending at once', campaignIn('approved'), 'start', sam, 'sending'],
    ['a specialist pausing', campaignIn('sending'), 'pause', sam, 'paused'],
    ['a specialist cancelling', campaignIn('paused'), 'cancel', sam, 'cancelled'],
    ['the desk editing', campaignIn('draft'), 'edit', staff('dan', 'desk'), '✗ role-required'],
    ['finance cancelling', campaignIn('scheduled'), 'cancel', staff('fin', 'finance'), '✗ role-required'],
    ['someone with no role scheduling', campaignIn('approved'), 'schedule', staff('nobody'), '✗ role-required'],
    // The service: starts, pauses, resumes, completes; nothing else.
    ['the service submitting', campaignIn('draft'), 'submit', system, '✗ staff-only'],
    ['the service cancelling', campaignIn('sending'), 'cancel', system, '✗ staff-only'],
    ['the service pausing (provider outage)', campaignIn('sending'), 'pause', system, 'paused'],
    ['the service resuming', campaignIn('paused'), 'resume', system, 'sending'],
    ['staff completing', campaignIn('sending'), 'complete', sue, '✗ system-only'],
    ['the service completing', campaignIn('sending'), 'complete', system, 'completed'],
  ])('%s', (_case, campaign, command, actor, expected) => {
    expect(outcome(transitionCampaign(campaign, COMMANDS[command], actor, now))).toBe(expected);
  });
});

describe('transitionCampaign: times and reasons', () => {
  const approved = campaignIn('approved', { approvedBy: 'sue', approvedAt: now });

  it.each<[string, Date, string]>([
    ['tomorrow', tomorrow, 'scheduled'],
    ['right now', now, 'scheduled'],
    ['a second ago', new Date(now.getTime() - 1000), '✗ schedule-in-past'],
    ['last year', new Date('2024-06-15T04:00:00Z'), '✗ schedule-in-past'],
    ['an invalid date', new Date('not a date'), '✗ schedule-in-past'],
    ['366 days ahead', new Date(now.getTime() + 366 * DAY_MS), 'scheduled'],
    ['367 days ahead', new Date(now.getTime() + 367 * DAY_MS), '✗ schedule-too-far'],
  ])('scheduling for %s', (_case, sendAt, expected) => {
    expect(outcome(transitionCampaign(approved, { type: 'schedule', sendAt }, sam, now))).toBe(expected);
  });

  it('names sendAt when refusing a schedule in the past', () => {
    const transition = transitionCampaign(approved, { type: 'schedule', sendAt: new Date('2025-06-01T00:00:00Z') }, sam, now);
    expect(transition.ok ? undefined : transition.refusal).toMatchObject({ code: 'schedule-in-past', kind: 'invalid-input', field: 'sendAt' });
  });

  it('moves a schedule to another time', () => {
    const later = new Date('2025-06-20T02:00:00Z');
    const transition = transitionCampaign(campaignIn('scheduled', { sendAt: tomorrow }), { type: 'schedule', sendAt: later }, sam, now);
    expect(transition.ok && transition.campaign.sendAt).toEqual(later);
  });

  it.each<[string, Date, string]>([
    ['before its time', new Date(tomorrow.getTime() - 1), '✗ not-due'],
    ['at its time', tomorrow, 'sending'],
    ['late (the service was down)', new Date(tomorrow.getTime() + DAY_MS), 'sending'],
  ])('the service starting a scheduled campaign %s', (_case, at, expected) => {
    expect(outcome(transitionCampaign(campaignIn('scheduled', { sendAt: tomorrow }), COMMANDS.start, system, at))).toBe(expected);
  });

  it('the service never starts a campaign nobody scheduled', () => {
    expect(outcome(transitionCampaign(approved, COMMANDS.start, system, now))).toBe('✗ wrong-state');
  });

  it('staff may start a scheduled campaign before its time (send now)', () => {
    expect(outcome(transitionCampaign(campaignIn('scheduled', { sendAt: tomorrow }), COMMANDS.start, sam, now))).toBe('sending');
  });

  it.each<[string, string]>([
    ['no reason', ''],
    ['only spaces', '   '],
    ['a reason of 501 characters', 'x'.repeat(501)],
  ])('refuses a rejection with %s, naming reason', (_case, reason) => {
    const transition = transitionCampaign(campaignIn('submitted'), { type: 'reject', reason }, sue, now);
    expect(transition.ok ? undefined : transition.refusal).toMatchObject({ code: 'reason-required', kind: 'invalid-input', field: 'reason' });
  });
});

describe('transitionCampaign: what each move records', () => {
  it('approval records who and when', () => {
    const transition = transitionCampaign(campaignIn('submitted'), COMMANDS.approve, sue, now);
    expect(transition).toEqual({ ok: true, campaign: { state: 'approved', createdBy: 'sam', submittedBy: 'sam', approvedBy: 'sue', approvedAt: now } });
  });

  it('back to draft voids the approval and the schedule', () => {
    const scheduled = campaignIn('scheduled', { approvedBy: 'sue', approvedAt: now, sendAt: tomorrow });
    expect(transitionCampaign(scheduled, COMMANDS.withdraw, sam, now)).toEqual({ ok: true, campaign: { state: 'draft', createdBy: 'sam' } });
  });

  it('a rejection keeps its reason until the campaign is submitted again', () => {
    const rejected = transitionCampaign(campaignIn('submitted'), { type: 'reject', reason: '  Wrong date. ' }, sue, now);
    expect(rejected).toEqual({ ok: true, campaign: { state: 'draft', createdBy: 'sam', rejection: { by: 'sue', reason: 'Wrong date.', at: now } } });
    if (!rejected.ok) throw new Error('expected the rejection to pass');
    expect(transitionCampaign(rejected.campaign, COMMANDS.submit, sam, now)).toEqual({
      ok: true,
      campaign: { state: 'submitted', createdBy: 'sam', submittedBy: 'sam' },
    });
  });

  it('unscheduling keeps the approval and forgets the time', () => {
    const scheduled = campaignIn('scheduled', { approvedBy: 'sue', approvedAt: now, sendAt: tomorrow });
    expect(transitionCampaign(scheduled, COMMANDS.unschedule, sam, now)).toEqual({
      ok: true,
      campaign: { state: 'approved', createdBy: 'sam', submittedBy: 'sam', approvedBy: 'sue', approvedAt: now },
    });
  });

  it('starting records when the recipient list was frozen; completing and cancelling when it ended', () => {
    const started = transitionCampaign(campaignIn('approved'), COMMANDS.start, sam, now);
    expect(started.ok && started.campaign.startedAt).toEqual(now);
    const completed = transitionCampaign(campaignIn('sending', { startedAt: now }), COMMANDS.complete, system, tomorrow);
    expect(completed.ok && completed.campaign).toMatchObject({ state: 'completed', startedAt: now, endedAt: tomorrow });
    const cancelled = transitionCampaign(campaignIn('paused'), COMMANDS.cancel, sid, tomorrow);
    expect(cancelled.ok && cancelled.campaign).toMatchObject({ state: 'cancelled', cancelledBy: 'sid', endedAt: tomorrow });
  });
});

describe('campaignRefusalError', () => {
  function refusalOf(transition: CampaignTransition) {
    if (transition.ok) throw new Error('expected a refusal');
    return transition.refusal;
  }

  it('throws a wrong state as a conflict carrying the state', () => {
    const error = campaignRefusalError(refusalOf(transitionCampaign(campaignIn('sending'), COMMANDS.edit, sam, now)));
    expect(error).toBeInstanceOf(ConflictError);
    expect({ code: error.code, details: error.details }).toEqual({ code: 'campaign.wrong-state', details: { state: 'sending' } });
  });

  it('throws approving one’s own campaign as not allowed', () => {
    const error = campaignRefusalError(refusalOf(transitionCampaign(campaignIn('submitted'), COMMANDS.approve, sam, now)));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.code).toBe('campaign.own-campaign');
  });

  it('throws a schedule in the past as invalid input naming sendAt', () => {
    const refusal = refusalOf(transitionCampaign(campaignIn('approved'), { type: 'schedule', sendAt: new Date(0) }, sam, now));
    const error = campaignRefusalError(refusal);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect({ code: error.code, fields: error.fields.map((problem) => problem.field) }).toEqual({ code: 'campaign.schedule-in-past', fields: ['sendAt'] });
  });

  it('throws a start before its time as a conflict naming sendAt', () => {
    const error = campaignRefusalError(refusalOf(transitionCampaign(campaignIn('scheduled', { sendAt: tomorrow }), COMMANDS.start, system, now)));
    expect(error).toBeInstanceOf(ConflictError);
    expect({ code: error.code, fields: error.fields.map((problem) => problem.field) }).toEqual({ code: 'campaign.not-due', fields: ['sendAt'] });
  });
});
