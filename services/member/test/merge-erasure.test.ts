import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, uniqueMobile, type TestStaff } from './support/member-service';
import { payloadOf } from './support/points-events';

interface MemberAnswer {
  id: string;
  status: string;
  phone: string;
  name: string;
  cardNumber: string;
  cardState: string;
  channel: string;
  sourceRef?: string;
  mergedInto?: string;
  tier: string | null;
  consent: { status: string };
}

interface LookupAnswer {
  items: { id: string; matchedCardNumber?: string; matchedCardState?: string; matchedMemberId?: string }[];
}

/**
 * The activity sign-up channel, merging two records of one person, and erasure on request, on
 * the real servers: what the desk finds afterwards and what other services are told.
 */
describe('activity sign-up, merge and erasure', () => {
  const service = new MemberServiceUnderTest(testPort(13286));
  const desk: TestStaff = { id: 'desk-lifecycle-test', roles: ['desk'] };
  const specialist: TestStaff = { id: 'spec-lifecycle-test', roles: ['specialist'] };
  const supervisor: TestStaff = { id: 'sup-lifecycle-test', roles: ['supervisor'] };
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    await service.start();
    memberEvents = await new TopicRecorder(new Kafka({ clientId: 'member-lifecycle-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 }), [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await service.stop();
  });

  const get = async (id: string) => (await service.call<MemberAnswer>('GET', `/members/${id}`)).body;
  const lookup = async (query: string) => (await service.call<LookupAnswer>('GET', `/members?${query}`)).body.items;
  const eventsOf = (key: string, type: string) => memberEvents.messages.filter((message) => message.key === key && message.value?.includes(`"type":"${type}"`)).map((message) => payloadOf(message.value));

  it('signs a shopper up at an activity with the activity as source, and refuses a phone that is a member\'s', async () => {
    const phone = uniqueMobile();
    const signed = await service.call<MemberAnswer>('POST', '/members/activity-sign-ups', { body: { phone, name: '活動會員', activityId: 'act-2026-xmas' }, staff: desk });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ channel: 'activity', sourceRef: 'act-2026-xmas', phone: `+86${phone}` });
    const registered = await waitFor('member.registered', () => Promise.resolve(eventsOf(signed.body.id, 'member.registered')[0]));
    expect(registered.payload).toMatchObject({ channel: 'REGISTRATION_CHANNEL_ACTIVITY', sourceRef: 'act-2026-xmas' });

    const again = await service.call<{ existingMemberId: string }>('POST', '/members/activity-sign-ups', { body: { phone: `+86 ${phone}`, name: 'x', activityId: 'act-2026-xmas' }, staff: desk });
    expect(again.status).toBe(409);
    expect(again.body.existingMemberId).toBe(signed.body.id);
    const noActivity = await service.call<{ errors: { field: string }[] }>('POST', '/members/activity-sign-ups', { body: { phone: uniqueMobile(), name: 'x' }, staff: desk });
    expect(noActivity.status).toBe(400);
    expect(noActivity.body.errors.map((error) => error.field)).toEqual(['activityId']);
    expect((await service.call('POST', '/members/activity-sign-ups', { body: { phone: uniqueMobile(), name: 'x', activityId: 'a' } })).status).toBe(401);
  }, 180_000);

  let survivor: MemberAnswer;
  let duplicate: MemberAnswer;

  it('merges a duplicate into a member: its phone and card find the member, its cards are closed, member.merged once', async () => {
    survivor = await get((await service.register(desk, '周潤發')).id);
    const duplicateAnswer = await service.call<MemberAnswer>('POST', '/members/activity-sign-ups', { body: { phone: uniqueMobile(), name: '周潤發', activityId: 'act-merge' }, staff: desk });
    duplicate = duplicateAnswer.body;
    expect((await service.call('POST', `/members/${duplicate.id}/tier`, { body: { tier: 'gold', reason: 'old programme' }, staff: specialist })).status).toBe(200);

    const merged = await service.call<{ survivor: MemberAnswer; merged: MemberAnswer }>('POST', `/members/${survivor.id}/merge`, { body: { duplicateId: duplicate.id, reason: 'registered twice' }, staff: specialist });
    expect(merged.status).toBe(200);
    expect(merged.body.merged).toMatchObject({ id: duplicate.id, status: 'merged', mergedInto: survivor.id, cardState: 'closed' });
    // The survivor keeps the better tier.
    expect(merged.body.survivor).toMatchObject({ id: survivor.id, status: 'active', tier: 'gold', cardNumber: survivor.cardNumber });

    expect((await lookup(`phone=${encodeURIComponent(duplicate.phone)}`)).map((item) => item.id)).toEqual([survivor.id]);
    expect(await lookup(`card=${duplicate.cardNumber}`)).toEqual([
      expect.objectContaining({ id: survivor.id, matchedCardNumber: duplicate.cardNumber, matchedCardState: 'closed', matchedMemberId: duplicate.id }),
    ]);
    expect((await lookup(`name=${encodeURIComponent('周潤發')}`)).map((item) => item.id)).toEqual([survivor.id]);
    // A registration with the duplicate's phone points at the survivor.
    const taken = await service.call<{ existingMemberId: string }>('POST', '/members', { body: { phone: duplicate.phone, name: 'x' }, staff: desk });
    expect(taken.body.existingMemberId).toBe(survivor.id);
    // The duplicate's history stays on it, and it changes no more.
    const audit = await service.call<{ items: { action: string }[] }>('GET', `/members/${duplicate.id}/audit`);
    expect(audit.body.items[0].action).toBe('member.merged-into');
    expect((await service.call('PATCH', `/members/${duplicate.id}/contact`, { body: { preferredLanguage: 'en' }, staff: desk })).status).toBe(409);

    const announced = await waitFor('member.merged', () => Promise.resolve(eventsOf(duplicate.id, 'member.merged')[0]));
    expect(announced.payload).toMatchObject({ survivingMemberId: survivor.id, mergedMemberId: duplicate.id, closedCardNumbers: [duplicate.cardNumber], reason: 'registered twice' });

    // Asked again: the same answer, nothing new.
    const repeated = await service.call<{ survivor: MemberAnswer }>('POST', `/members/${survivor.id}/merge`, { body: { duplicateId: duplicate.id, reason: 'registered twice' }, staff: specialist });
    expect(repeated.status).toBe(200);
    const survivorAudit = await service.call<{ items: { action: string }[] }>('GET', `/members/${survivor.id}/audit`);
    expect(survivorAudit.body.items.filter((entry) => entry.action === 'member.merged')).toHaveLength(1);
    const tierHistory = await service.call<{ history: { reason: string }[] }>('GET', `/members/${survivor.id}/tier`);
    expect(tierHistory.body.history.map((change) => change.reason)).toEqual(['merge']);
    expect(eventsOf(duplicate.id, 'member.merged')).toHaveLength(1);

    // The survivor's staff views show one person: the duplicate's cards and audit entries, marked with its id, newest first.
    const cards = (await service.call<{ current: { number: string }; cards: { number: string; state: string; current: boolean; issuedAt: string; fromMemberId?: string }[] }>('GET', `/members/${survivor.id}/cards`)).body;
    expect(cards.current.number).toBe(survivor.cardNumber);
    expect(cards.cards).toEqual([
      expect.objectContaining({ number: duplicate.cardNumber, state: 'closed', current: false, fromMemberId: duplicate.id }),
      expect.objectContaining({ number: survivor.cardNumber, state: 'active', current: true }),
    ]);
    expect(cards.cards[1].fromMemberId).toBeUndefined();
    const oneTrail = (await service.call<{ items: { action: string; at: string; fromMemberId?: string }[] }>('GET', `/members/${survivor.id}/audit?limit=100`)).body.items;
    expect(oneTrail.filter((entry) => entry.fromMemberId === duplicate.id).map((entry) => entry.action)).toEqual(['member.merged-into', 'tier.changed', 'member.registered']);
    expect(oneTrail.filter((entry) => entry.fromMemberId === undefined).map((entry) => entry.action)).toContain('member.merged');
    expect(oneTrail.map((entry) => entry.at)).toEqual([...oneTrail.map((entry) => entry.at)].sort().reverse());
    // The duplicate's own trail is only its own.
    expect((await service.call<{ items: { fromMemberId?: string }[] }>('GET', `/members/${duplicate.id}/audit`)).body.items.every((entry) => entry.fromMemberId === undefined)).toBe(true);

    const itself = await service.call<{ errors: { field: string }[] }>('POST', `/members/${survivor.id}/merge`, { body: { duplicateId: survivor.id, reason: 'x' }, staff: specialist });
    expect(itself.status).toBe(400);
    expect(itself.body.errors.map((error) => error.field)).toEqual(['duplicateId']);
    const intoMerged = await service.call('POST', `/members/${duplicate.id}/merge`, { body: { duplicateId: survivor.id, reason: 'x' }, staff: specialist });
    expect(intoMerged.status).toBe(409);
  }, 180_000);

  interface ConsentHistoryAnswer {
    current: { status: string; wordingVersion?: string };
    history: { granted: boolean; channel: string; wordingVersion?: string; at: string; fromMemberId?: string }[];
  }
  const consentOf = async (id: string) => (await service.call<ConsentHistoryAnswer>('GET', `/members/${id}/consent`)).body;
  const grantConsent = async (id: string, wordingVersion: string) =>
    expect((await service.call('POST', `/members/${id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion }, staff: desk })).status).toBe(200);
  const mergeInto = async (survivorId: string, duplicateId: string) =>
    expect((await service.call('POST', `/members/${survivorId}/merge`, { body: { duplicateId, reason: 'registered twice' }, staff: specialist })).status).toBe(200);

  it('gives the survivor the duplicate\'s consent when it is the newer decision: in its history from the duplicate, announced once', async () => {
    const neverAsked = await service.register(desk, '梅艷芳');
    const optedIn = await service.register(desk, '梅艷芳');
    await grantConsent(optedIn.id, 'mkt-merge-1');

    await mergeInto(neverAsked.id, optedIn.id);
    const taken = await consentOf(neverAsked.id);
    expect(taken.current).toMatchObject({ status: 'granted', wordingVersion: 'mkt-merge-1' });
    expect(taken.history).toEqual([expect.objectContaining({ granted: true, channel: 'desk', wordingVersion: 'mkt-merge-1', fromMemberId: optedIn.id })]);
    const announced = await waitFor('member.consent-changed of the survivor', () => Promise.resolve(eventsOf(neverAsked.id, 'member.consent-changed')[0]));
    expect(announced.payload).toMatchObject({ memberId: neverAsked.id, granted: true, wordingVersion: 'mkt-merge-1' });

    // Asked again: nothing new in the history, no second event.
    await mergeInto(neverAsked.id, optedIn.id);
    expect((await consentOf(neverAsked.id)).history).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(eventsOf(neverAsked.id, 'member.consent-changed')).toHaveLength(1);

    // The survivor's own decision is the newer: it keeps it.
    const olderGrant = await service.register(desk, '張國榮');
    const newerWithdrawal = await service.register(desk, '張國榮');
    await grantConsent(olderGrant.id, 'mkt-merge-1');
    expect((await service.call('POST', `/members/${newerWithdrawal.id}/consent`, { body: { granted: false, channel: 'phone' }, staff: desk })).status).toBe(200);
    await mergeInto(newerWithdrawal.id, olderGrant.id);
    const kept = await consentOf(newerWithdrawal.id);
    expect(kept.current.status).toBe('withdrawn');
    // Its history shows the person's whole story: its own withdrawal, then the duplicate's older grant marked with the duplicate.
    expect(kept.history).toEqual([
      expect.objectContaining({ granted: false, channel: 'phone' }),
      expect.objectContaining({ granted: true, wordingVersion: 'mkt-merge-1', fromMemberId: olderGrant.id }),
    ]);
    expect(kept.history[0].fromMemberId).toBeUndefined();
  }, 180_000);

  it('erases a member on request: anonymised, cards closed, consent withdrawn, member.erased, found by nothing; the phone starts fresh', async () => {
    await service.call('POST', `/members/${survivor.id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion: 'mkt-1' }, staff: desk });
    await service.call('PATCH', `/members/${survivor.id}`, { body: { district: '天河區', tags: ['vip-lounge'], birthday: { month: 5, day: 12 } }, staff: specialist });

    const notSupervisor = await service.call('POST', `/members/${survivor.id}/erasure`, { body: { reason: 'request 2026-ER-7' }, staff: specialist });
    expect(notSupervisor.status).toBe(403);

    const erased = await service.call<MemberAnswer & { district?: string; birthday?: unknown; tags: string[] }>('POST', `/members/${survivor.id}/erasure`, { body: { reason: 'request 2026-ER-7' }, staff: supervisor });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: survivor.id, status: 'erased', cardState: 'closed', consent: { status: 'withdrawn' }, tags: [] });
    expect(erased.body.phone).not.toContain(survivor.phone.slice(3));
    expect(erased.body.name).not.toContain('周');
    expect(erased.body.district).toBeUndefined();
    expect(erased.body.birthday).toBeUndefined();

    // Nothing finds the person any more: their phone, the duplicate's phone, either card, the name.
    expect(await lookup(`phone=${encodeURIComponent(survivor.phone)}`)).toEqual([]);
    expect(await lookup(`phone=${encodeURIComponent(duplicate.phone)}`)).toEqual([]);
    expect(await lookup(`card=${survivor.cardNumber}`)).toEqual([]);
    expect(await lookup(`card=${duplicate.cardNumber}`)).toEqual([]);
    expect(await lookup(`name=${encodeURIComponent('周潤發')}`)).toEqual([]);
    // The merged duplicate is the same person: erased with the member.
    expect(await get(duplicate.id)).toMatchObject({ status: 'erased', cardState: 'closed' });

    // The audit keeps who did what and when, never the values.
    const audit = (await service.call<{ items: { action: string; changes: { from: unknown; to: unknown }[] }[] }>('GET', `/members/${survivor.id}/audit?limit=100`)).body.items;
    expect(audit[0].action).toBe('member.erased');
    expect(JSON.stringify(audit)).not.toMatch(/天河|vip-lounge|mkt-1/);

    for (const id of [survivor.id, duplicate.id]) {
      const event = await waitFor(`member.erased of ${id}`, () => Promise.resolve(eventsOf(id, 'member.erased')[0]));
      expect(event.payload).toMatchObject({ memberId: id });
      expect(JSON.stringify(event)).not.toContain(survivor.phone);
    }

    // Asked again: nothing new.
    expect((await service.call('POST', `/members/${survivor.id}/erasure`, { body: { reason: 'again' }, staff: supervisor })).status).toBe(200);

    const fresh = await service.call<MemberAnswer>('POST', '/members', { body: { phone: survivor.phone, name: '周潤發' }, staff: desk });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(survivor.id);
    expect(fresh.body).toMatchObject({ status: 'active', tier: null, consent: { status: 'not-given' } });
    expect((await lookup(`phone=${encodeURIComponent(survivor.phone)}`)).map((item) => item.id)).toEqual([fresh.body.id]);
    expect(eventsOf(survivor.id, 'member.erased')).toHaveLength(1);
  }, 180_000);
});
