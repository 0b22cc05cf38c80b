import { InvalidInputError, NotAllowedError } from '@atrium/errors';
import type { Campaign } from './campaign.entity';
import { applyCommand } from './campaign-commands';
import type { CampaignActor } from './campaign-state';

const now = new Date('2025-06-15T04:00:00Z');
const sam: CampaignActor = { kind: 'staff', username: 'sam', roles: ['specialist'] };
const sue: CampaignActor = { kind: 'staff', username: 'sue', roles: ['supervisor'] };

function campaign(fields: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    name: 'June',
    segmentId: 's1',
    templateId: 't1',
    kind: 'marketing',
    state: 'submitted',
    createdBy: 'sam',
    submittedBy: 'sam',
    history: [{ command: 'create', state: 'draft', by: 'sam', at: new Date('2025-06-01T00:00:00Z') }],
    createdAt: new Date('2025-06-01T00:00:00Z'),
    updatedAt: new Date('2025-06-01T00:00:00Z'),
    ...fields,
  };
}

describe('applyCommand', () => {
  it('moves the campaign, keeps what is not the lifecycle’s and adds the move to the history', () => {
    const approved = applyCommand(campaign(), { type: 'approve' }, sue, now);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'sue', approvedAt: now, name: 'June', segmentId: 's1', updatedAt: now });
    expect(approved.history.at(-1)).toEqual({ command: 'approve', state: 'approved', by: 'sue', at: now });
  });

  it('voids the approval and the approved content when the campaign goes back to draft', () => {
    const approved = campaign({ state: 'scheduled', approvedBy: 'sue', approvedAt: now, sendAt: now, snapshot: { segmentName: 's', rule: { hasTag: 'x' }, templateName: 't', templateVersion: 2, bodies: { en: 'x' } } });
    const withdrawn = applyCommand(approved, { type: 'withdraw' }, sam, now);
    expect(withdrawn.state).toBe('draft');
    for (const field of ['approvedBy', 'approvedAt', 'sendAt', 'submittedBy']) expect(withdrawn).not.toHaveProperty(field);
    expect(withdrawn.snapshot).toBeUndefined();
  });

  it('throws a refusal as its domain error, with nothing changed', () => {
    const before = campaign();
    expect(() => applyCommand(before, { type: 'approve' }, sam, now)).toThrow(NotAllowedError);
    expect(before.state).toBe('submitted');
  });

  it('names the field as the request carried it', () => {
    const approved = campaign({ state: 'approved' });
    try {
      applyCommand(approved, { type: 'schedule', sendAt: new Date('2025-01-01T00:00:00Z') }, sam, now, { bodyField: { sendAt: 'at' } });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields.map((problem) => problem.field)).toEqual(['at']);
      expect((error as InvalidInputError).code).toBe('campaign.schedule-in-past');
    }
  });
});
