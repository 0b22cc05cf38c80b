// Campaigns through the service's HTTP API on the real FerretDB, Redis (BullMQ) and Kafka:
// the lifecycle's refusals as staff see them, the recipient list frozen when sending starts
// (eligibility and languages applied, worked out independently here), a crashed freeze
// finishing the same list, scheduled starts, completion, estimates and results. Delivery is
// recorded (the other half of the service has its own tests).
import { waitFor } from '@atrium/testing';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { CampaignSending } from '../src/campaigns/campaign-sending.service';
import {
  CampaignSideApp,
  OTHER_SUPERVISOR,
  OTHER_SPECIALIST,
  putMember,
  SPECIALIST,
  SUPERVISOR,
  type Problem,
  type TestMember,
} from './support/campaign-side';

interface CampaignView {
  id: string;
  state: string;
  createdBy: string;
  submittedBy?: string;
  approvedBy?: string;
  sendAt?: string;
  startedAt?: string;
  approvedContent?: { templateVersion: number; bodies: Record<string, string> };
  recipientList?: { status: string; attempts: number; selected: number; messages: number; excluded: number };
  history: { command: string; state: string; by: string; note?: string }[];
}

const SIGNATURE = '【Atrium】';
const BODIES = {
  en: `${SIGNATURE}{{name}}, 20% off for VIP room guests this week. Reply STOP to opt out`,
  'zh-Hant': `${SIGNATURE}{{name}}，貴賓室會員本週八折。回T退訂`,
};
const PRICE = 7;

describe('campaigns', () => {
  const service = new CampaignSideApp();
  const delivery = service.delivery;
  let tag: string;
  let segmentId: string;
  let templateId: string;
  let draftTemplateId: string;
  const members: Record<string, TestMember> = {};

  beforeAll(async () => {
    // Two members per dispatch: a list of a few members is handed over in several chunks.
    await service.start({ freezeChunk: 2, env: { SMS_CENTRE_SIGNATURE: SIGNATURE, SMS_PRICE_PER_SEGMENT_MINOR: String(PRICE) } });
    tag = `vip-room-${service.run}`;
    const profiles = service.profiles;
    members.ann = await putMember(profiles, { name: 'Ann', language: 'en', tags: [tag] });
    members.chan = await putMember(profiles, { name: '陳大文', language: 'zh-Hant', tags: [tag] });
    members.noConsent = await putMember(profiles, { name: 'Nora', language: 'en', tags: [tag], consent: false });
    members.simplified = await putMember(profiles, { name: '李小龙', language: 'zh-Hans', tags: [tag] });
    members.stopped = await putMember(profiles, { name: 'Stan', language: 'en', tags: [tag] });
    await profiles.markOptedOut(members.stopped.memberId, new Date());
    members.frozen = await putMember(profiles, { name: 'Fred', language: 'en', tags: [tag] });
    await profiles.applyMemberChange(members.frozen.memberId, { kind: 'card-state-changed', cardNumber: '8800000000000013', state: 'frozen', at: new Date() });
    members.erased = await putMember(profiles, { name: 'Eve', language: 'en', tags: [tag] });
    await profiles.erase(members.erased.memberId, new Date());
    members.untagged = await putMember(profiles, { name: 'Una', language: 'en', tags: [] });

    segmentId = (await service.expect<{ id: string }>(201, 'POST', '/segments', { body: { name: `VIP room ${service.run}`, rule: { hasTag: tag } }, headers: SPECIALIST })).id;
    templateId = (await service.expect<{ id: string }>(201, 'POST', '/templates', { body: { name: `VIP week ${service.run}`, kind: 'marketing', bodies: BODIES }, headers: SPECIALIST })).id;
    await service.expect(200, 'POST', `/templates/${templateId}/approve`, { headers: SUPERVISOR });
    draftTemplateId = (await service.expect<{ id: string }>(201, 'POST', '/templates', { body: { name: `draft ${service.run}`, kind: 'marketing', bodies: BODIES }, headers: SPECIALIST })).id;
  }, 120_000);

  afterAll(async () => {
    await service.stop();
  });

  /** What each tagged member must get, worked out by hand from how they were set up. */
  function expectedList(campaignId: string): Map<string, string> {
    return new Map([
      [`${campaignId}:${members.ann.memberId}`, `message:${SIGNATURE}Ann, 20% off for VIP room guests this week. Reply STOP to opt out`],
      [`${campaignId}:${members.chan.memberId}`, `message:${SIGNATURE}陳大文，貴賓室會員本週八折。回T退訂`],
      [`${campaignId}:${members.noConsent.memberId}`, 'excluded:no-consent'],
      [`${campaignId}:${members.simplified.memberId}`, 'excluded:no-template-language'],
      [`${campaignId}:${members.stopped.memberId}`, 'excluded:opted-out'],
      [`${campaignId}:${members.frozen.memberId}`, 'excluded:card-frozen'],
    ]);
  }

  function recordedList(campaignId: string): Map<string, string> {
    return new Map(
      [...delivery.recorded(campaignId)].map(([recipientId, record]) => [recipientId, record.message ? `message:${record.message.body}` : `excluded:${record.exclusion?.reason}`]),
    );
  }

  async function approvedCampaign(name: string, extra: Record<string, unknown> = {}): Promise<CampaignView> {
    const campaign = await service.expect<CampaignView>(201, 'POST', '/campaigns', {
      body: { name: `${name} ${service.run}`, segmentId, templateId, kind: 'marketing', ...extra },
      headers: SPECIALIST,
    });
    await service.expect(200, 'POST', `/campaigns/${campaign.id}/submit`, { headers: SPECIALIST });
    return service.expect<CampaignView>(200, 'POST', `/campaigns/${campaign.id}/approve`, { headers: SUPERVISOR });
  }

  async function waitForFrozen(campaignId: string): Promise<CampaignView> {
    return waitFor(
      `campaign ${campaignId}'s recipient list to be frozen`,
      async () => {
        const campaign = await service.expect<CampaignView>(200, 'GET', `/campaigns/${campaignId}`);
        return campaign.recipientList?.status === 'done' ? campaign : undefined;
      },
      30_000,
      200,
    );
  }

  it('refuses drafts that refer to nothing or do not fit, naming the field (400), and writes without staff identity (401)', async () => {
    const base = { name: `bad ${service.run}`, segmentId, templateId, kind: 'marketing' };
    const wrongKind = await service.call<Problem>('POST', '/campaigns', { body: { ...base, kind: 'transactional' }, headers: SPECIALIST });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.map((problem) => problem.field)).toEqual(['kind']);
    const unknown = await service.call<Problem>('POST', '/campaigns', { body: { ...base, segmentId: '7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11' }, headers: SPECIALIST });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((problem) => problem.field)).toEqual(['segmentId']);
    const past = await service.call<Problem>('POST', '/campaigns', { body: { ...base, plannedSendAt: '2020-01-01T00:00:00+08:00' }, headers: SPECIALIST });
    expect(past.status).toBe(400);
    expect(past.body.errors?.map((problem) => problem.field)).toEqual(['plannedSendAt']);
    const anonymous = await service.call<Problem>('POST', '/campaigns', { body: base });
    expect(anonymous.status).toBe(401);
    const desk = await service.call<Problem>('POST', '/campaigns', { body: base, headers: { 'x-atrium-staff': 'dan', 'x-atrium-roles': 'desk' } });
    expect(desk.status).toBe(403);
    expect(desk.body.code).toBe('campaign.role-required');
    expect((await service.expect<CampaignView[]>(200, 'GET', '/campaigns')).filter((campaign) => campaign.state !== 'draft' || campaign.createdBy !== 'sam')).toEqual([]);
  });

  it('runs the lifecycle with its refusals, freezes exactly the members it should and completes', async () => {
    const unapproved = await service.expect<CampaignView>(201, 'POST', '/campaigns', {
      body: { name: `unapproved template ${service.run}`, segmentId, templateId: draftTemplateId, kind: 'marketing' },
      headers: SPECIALIST,
    });
    const refusedSubmit = await service.call<Problem>('POST', `/campaigns/${unapproved.id}/submit`, { headers: SPECIALIST });
    expect(refusedSubmit.status).toBe(409);
    expect(refusedSubmit.body).toMatchObject({ code: 'campaign.template-not-approved', errors: [{ field: 'templateId' }] });

    const draft = await service.expect<CampaignView>(201, 'POST', '/campaigns', {
      body: { name: `VIP week ${service.run}`, segmentId, templateId, kind: 'marketing' },
      headers: SPECIALIST,
    });
    expect(draft).toMatchObject({ state: 'draft', createdBy: 'sam' });
    const submitted = await service.expect<CampaignView>(200, 'POST', `/campaigns/${draft.id}/submit`, { headers: SPECIALIST });
    expect(submitted).toMatchObject({ state: 'submitted', submittedBy: 'sam' });

    const editSubmitted = await service.call<Problem>('PUT', `/campaigns/${draft.id}`, { body: { name: 'renamed', segmentId, templateId, kind: 'marketing' }, headers: SPECIALIST });
    expect(editSubmitted.status).toBe(409);
    expect(editSubmitted.body).toMatchObject({ code: 'campaign.wrong-state', state: 'submitted' });

    const own = await service.call<Problem>('POST', `/campaigns/${draft.id}/approve`, { headers: SPECIALIST });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('campaign.own-campaign');
    const specialist = await service.call<Problem>('POST', `/campaigns/${draft.id}/approve`, { headers: OTHER_SPECIALIST });
    expect(specialist.status).toBe(403);
    expect(specialist.body.code).toBe('campaign.role-required');

    const approved = await service.expect<CampaignView>(200, 'POST', `/campaigns/${draft.id}/approve`, { headers: SUPERVISOR });
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'sue', approvedContent: { bodies: BODIES } });

    const past = await service.call<Problem>('POST', `/campaigns/${draft.id}/schedule`, { body: { at: new Date(Date.now() - 60_000).toISOString() }, headers: SPECIALIST });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'campaign.schedule-in-past', errors: [{ field: 'at' }] });
    const notADate = await service.call<Problem>('POST', `/campaigns/${draft.id}/schedule`, { body: { at: 'tomorrow' }, headers: SPECIALIST });
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors?.map((problem) => problem.field)).toEqual(['at']);

    const later = new Date(Date.now() + 86_400_000);
    const scheduled = await service.expect<CampaignView>(200, 'POST', `/campaigns/${draft.id}/schedule`, { body: { at: later.toISOString() }, headers: SPECIALIST });
    expect(scheduled).toMatchObject({ state: 'scheduled', sendAt: later.toISOString() });

    delivery.hold = true;
    const sending = await service.expect<CampaignView>(200, 'POST', `/campaigns/${draft.id}/send-now`, { headers: SPECIALIST });
    expect(sending.state).toBe('sending');
    const editSending = await service.call<Problem>('PUT', `/campaigns/${draft.id}`, { body: { name: 'renamed', segmentId, templateId, kind: 'marketing' }, headers: SPECIALIST });
    expect(editSending.status).toBe(409);
    expect(editSending.body).toMatchObject({ code: 'campaign.wrong-state', state: 'sending' });

    const frozen = await waitForFrozen(draft.id);
    expect(frozen.recipientList).toMatchObject({ status: 'done', attempts: 1, selected: 6, messages: 2, excluded: 4 });
    expect(recordedList(draft.id)).toEqual(expectedList(draft.id));
    const messages = [...delivery.recorded(draft.id).values()].flatMap((record) => (record.message ? [record.message] : []));
    expect(messages.map((message) => [message.phone, message.language]).sort()).toEqual(
      [
        [members.ann.phone, 'en'],
        [members.chan.phone, 'zh-Hant'],
      ].sort(),
    );

    // Still sending while delivery has messages under way; completed once it is done.
    expect((await service.expect<CampaignView>(200, 'GET', `/campaigns/${draft.id}`)).state).toBe('sending');
    delivery.deliverAll(draft.id);
    const completed = await service.expect<CampaignView>(200, 'GET', `/campaigns/${draft.id}`);
    expect(completed.state).toBe('completed');
    expect(completed.history.map((entry) => `${entry.command}→${entry.state} by ${entry.by}`)).toEqual([
      'create→draft by sam',
      'submit→submitted by sam',
      'approve→approved by sue',
      'schedule→scheduled by sam',
      'start→sending by sam',
      'complete→completed by system',
    ]);

    const results = await service.expect<Record<string, unknown>>(200, 'GET', `/campaigns/${draft.id}/results`);
    expect(results).toMatchObject({
      state: 'completed',
      recipients: 6,
      delivered: 2,
      excluded: 4,
      excludedByReason: { 'no-consent': 1, 'no-template-language': 1, 'opted-out': 1, 'card-frozen': 1 },
      segmentsBilled: 3,
      cost: { amountMinor: 3 * PRICE, currency: 'CNY' },
      finished: true,
    });
    const excluded = await service.expect<{ total: number; items: { memberId: string; exclusionReason: string }[] }>(
      200,
      'GET',
      `/campaigns/${draft.id}/recipients?status=excluded&limit=2&offset=0`,
    );
    expect(excluded.total).toBe(4);
    expect(excluded.items).toHaveLength(2);
    const ann = await service.expect<{ total: number; items: { status: string }[] }>(200, 'GET', `/campaigns/${draft.id}/recipients?memberId=${members.ann.memberId}`);
    expect(ann).toMatchObject({ total: 1, items: [{ status: 'delivered' }] });
    const badQuery = await service.call<Problem>('GET', `/campaigns/${draft.id}/recipients?status=lost&limit=0`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors?.map((problem) => problem.field).sort()).toEqual(['limit', 'status']);

    const cancelCompleted = await service.call<Problem>('POST', `/campaigns/${draft.id}/cancel`, { headers: SPECIALIST });
    expect(cancelCompleted.status).toBe(409);
  });

  it('estimates recipients, segments and cost before sending, in integer minor units', async () => {
    const campaign = await approvedCampaign('estimate');
    const estimate = await service.expect<Record<string, unknown>>(200, 'GET', `/campaigns/${campaign.id}/estimate`);
    // English: GSM-7 text but the signature's 【】 make it UCS-2, 82 characters: 2 segments; Chinese: 1.
    expect(estimate).toMatchObject({
      approvedContent: true,
      selected: 6,
      recipients: 2,
      excludedByReason: { 'no-consent': 1, 'no-template-language': 1, 'opted-out': 1, 'card-frozen': 1 },
      byLanguage: { en: { recipients: 1, segments: 2 }, 'zh-Hant': { recipients: 1, segments: 1 } },
      segments: 3,
      cost: { amountMinor: 3 * PRICE, currency: 'CNY' },
    });
  });

  it('finishes the same recipient list when the freeze crashes midway and runs again, and a second run adds nothing', async () => {
    const campaign = await approvedCampaign('crash');
    delivery.hold = false;
    // The second chunk's dispatch fails: the start job fails and BullMQ runs it again.
    delivery.failDispatch(2);
    await service.expect(200, 'POST', `/campaigns/${campaign.id}/send-now`, { headers: SPECIALIST });
    // Joined after sending started: never on this campaign's list, however often the freeze runs.
    const late = await putMember(service.profiles, { name: 'Late', language: 'en', tags: [tag], registeredAt: new Date() });

    const frozen = await waitForFrozen(campaign.id);
    expect(frozen.recipientList?.attempts).toBe(2);
    expect(recordedList(campaign.id)).toEqual(expectedList(campaign.id));
    expect([...delivery.recorded(campaign.id).keys()]).not.toContain(`${campaign.id}:${late.memberId}`);
    // Whatever was handed over twice was the same message both times.
    const handedOver = new Map<string, string>();
    for (const call of delivery.dispatches.filter((dispatch) => dispatch.campaignId === campaign.id)) {
      for (const message of call.messages) {
        expect(handedOver.get(message.recipientId) ?? message.body).toBe(message.body);
        handedOver.set(message.recipientId, message.body);
      }
    }

    // The start running once more (a second process, a redelivered job): nothing changes.
    const dispatchesBefore = delivery.dispatches.length;
    await service.get(CampaignSending).start(campaign.id);
    expect(delivery.dispatches.length).toBe(dispatchesBefore);
    // Even a freeze forced to run again hands over exactly the same list.
    const stored = await service.get(CampaignsRepository).findById(campaign.id);
    await service.get(CampaignSending).freeze(stored!);
    const again = delivery.dispatches.slice(dispatchesBefore);
    expect(new Map(again.flatMap((call) => call.messages.map((message) => [message.recipientId, `message:${message.body}`])))).toEqual(
      new Map([...expectedList(campaign.id)].filter(([, outcome]) => outcome.startsWith('message:'))),
    );
    expect(recordedList(campaign.id)).toEqual(expectedList(campaign.id));
    // The later campaigns of this file must not see the late member.
    await service.profiles.erase(late.memberId, new Date());
  });

  it('starts a scheduled campaign at its time from the delayed job, as the service', async () => {
    const campaign = await approvedCampaign('scheduled');
    const at = new Date(Date.now() + 2_000);
    await service.expect(200, 'POST', `/campaigns/${campaign.id}/schedule`, { body: { at: at.toISOString() }, headers: SPECIALIST });
    const frozen = await waitForFrozen(campaign.id);
    expect(frozen.history.find((entry) => entry.command === 'start')).toMatchObject({ state: 'sending', by: 'system' });
    expect(new Date(frozen.startedAt ?? 0).getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(recordedList(campaign.id)).toEqual(expectedList(campaign.id));
  });

  it('schedules a planned time on approval, and forgets it when withdrawn', async () => {
    const planned = new Date(Date.now() + 3_600_000);
    const campaign = await approvedCampaign('planned', { plannedSendAt: planned.toISOString() });
    expect(campaign).toMatchObject({ state: 'scheduled', sendAt: planned.toISOString() });
    const withdrawn = await service.expect<CampaignView>(200, 'POST', `/campaigns/${campaign.id}/withdraw`, { headers: SPECIALIST });
    expect(withdrawn.state).toBe('draft');
    expect(withdrawn.sendAt).toBeUndefined();
    expect(withdrawn.approvedContent).toBeUndefined();
  });

  it('pauses, resumes and cancels through delivery', async () => {
    const campaign = await approvedCampaign('pause');
    delivery.hold = true;
    await service.expect(200, 'POST', `/campaigns/${campaign.id}/send-now`, { headers: SPECIALIST });
    await waitForFrozen(campaign.id);
    expect((await service.expect<CampaignView>(200, 'POST', `/campaigns/${campaign.id}/pause`, { headers: OTHER_SPECIALIST })).state).toBe('paused');
    const pausedAgain = await service.call<Problem>('POST', `/campaigns/${campaign.id}/pause`, { headers: SPECIALIST });
    expect(pausedAgain.status).toBe(409);
    expect((await service.expect<CampaignView>(200, 'POST', `/campaigns/${campaign.id}/resume`, { headers: SPECIALIST })).state).toBe('sending');
    const cancelled = await service.expect<CampaignView>(200, 'POST', `/campaigns/${campaign.id}/cancel`, { headers: OTHER_SUPERVISOR });
    expect(cancelled.state).toBe('cancelled');
    expect(delivery.calls.filter((call) => call.endsWith(campaign.id))).toEqual([`pause:${campaign.id}`, `resume:${campaign.id}`, `cancel:${campaign.id}`]);
    expect((await service.expect<Record<string, unknown>>(200, 'GET', `/campaigns/${campaign.id}/results`)).byStatus).toMatchObject({ cancelled: 2, excluded: 4 });
  });

  it('test-sends the text with test values to valid staff numbers only', async () => {
    const campaign = await approvedCampaign('test send');
    const invalid = await service.call<Problem>('POST', `/campaigns/${campaign.id}/test-send`, { body: { phones: ['+85291234567', '12345'] }, headers: SPECIALIST });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((problem) => problem.field)).toEqual(['phones.1']);
    const sent = await service.expect<{ language: string; body: string; results: { phone: string; messageSid?: string }[] }>(200, 'POST', `/campaigns/${campaign.id}/test-send`, {
      body: { phones: ['+85291234567'], language: 'zh-Hant' },
      headers: SPECIALIST,
    });
    expect(sent).toMatchObject({ language: 'zh-Hant', body: `${SIGNATURE}Test，貴賓室會員本週八折。回T退訂`, results: [{ phone: '+85291234567' }] });
    expect(sent.results[0].messageSid).toMatch(/^SM/);
    expect(delivery.tests.at(-1)).toEqual({ campaignId: campaign.id, phones: ['+85291234567'], body: sent.body });
  });
});
