import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, signedFetch, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, type TestStaff } from './support/member-service';

interface PreferencesAnswer {
  memberId: string;
  pointsEarned: boolean;
  changedAt?: string;
}

interface PreferencesEvent {
  type: string;
  payload: { memberId: string; pointsEarned?: boolean; changedAt: string; source: string };
}

/**
 * The optional SMS a member wants (points earned), on the real servers: staff set them at the
 * desk (audited), the shopper sets their own through the gateway's shopper route (the member
 * named by x-atrium-shopper), bad bodies are refused naming the field with nothing written,
 * and every change is announced as member.notification-preferences-changed.
 */
describe('notification preferences', () => {
  const service = new MemberServiceUnderTest(testPort(13293));
  const desk: TestStaff = { id: 'desk-preferences-test', roles: ['desk'] };
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    await service.start();
    // Joins after the service created the topic, reading from the end: every event it waits for comes later.
    const kafka = new Kafka({ clientId: 'member-preferences-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    memberEvents = await new TopicRecorder(kafka, [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await service.stop();
  });

  const preferencesOf = async (memberId: string) => (await service.call<PreferencesAnswer>('GET', `/members/${memberId}/notifications`)).body;

  /** What the shopper's own route sends: the gateway names the member from the token, no staff. */
  async function asShopper(memberId: string, path: string, body: unknown): Promise<{ status: number; body: PreferencesAnswer }> {
    const response = await signedFetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-atrium-shopper': memberId },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as PreferencesAnswer };
  }

  const eventsOf = (memberId: string): PreferencesEvent[] =>
    memberEvents.messages
      .filter((message) => message.key === memberId && message.value?.includes('member.notification-preferences-changed'))
      .map((message) => JSON.parse(message.value!) as PreferencesEvent);

  it('is off for a new member; staff turn it on (audited, announced once), a repeat changes nothing', async () => {
    const member = await service.register(desk);
    expect(await preferencesOf(member.id)).toEqual({ memberId: member.id, pointsEarned: false });

    const on = await service.call<PreferencesAnswer>('POST', `/members/${member.id}/notifications`, { body: { pointsEarned: true }, staff: desk });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ memberId: member.id, pointsEarned: true });
    expect(Number.isNaN(Date.parse(on.body.changedAt ?? ''))).toBe(false);
    expect(await preferencesOf(member.id)).toEqual(on.body);

    const again = await service.call<PreferencesAnswer>('POST', `/members/${member.id}/notifications`, { body: { pointsEarned: true }, staff: desk });
    expect(again.body).toEqual(on.body);

    const [announced] = await waitFor('the change to be announced', () => Promise.resolve(eventsOf(member.id).length > 0 ? eventsOf(member.id) : undefined));
    expect(announced.payload).toMatchObject({ memberId: member.id, pointsEarned: true, source: 'PREFERENCE_CHANGE_SOURCE_STAFF' });

    const audit = await service.call<{ items: { action: string; staffId: string; changes: { field: string; from: unknown; to: unknown }[] }[] }>('GET', `/members/${member.id}/audit`);
    expect(audit.body.items.filter((entry) => entry.action === 'notifications.changed')).toEqual([
      expect.objectContaining({ staffId: desk.id, changes: [{ field: 'pointsEarned', from: false, to: true }] }),
    ]);

    // The shopper turns it off again: announced as their own choice, with no staff audit entry.
    const off = await asShopper(member.id, `/members/${member.id}/notifications`, { pointsEarned: false });
    expect(off).toMatchObject({ status: 200, body: { pointsEarned: false } });
    const both = await waitFor('the shopper’s change to be announced', () => Promise.resolve(eventsOf(member.id).length >= 2 ? eventsOf(member.id) : undefined));
    // proto3 JSON leaves false out.
    expect(both.map((event) => [event.payload.pointsEarned ?? false, event.payload.source])).toEqual([
      [true, 'PREFERENCE_CHANGE_SOURCE_STAFF'],
      [false, 'PREFERENCE_CHANGE_SOURCE_SELF_SERVICE'],
    ]);
    const after = await service.call<{ items: { action: string }[] }>('GET', `/members/${member.id}/audit`);
    expect(after.body.items.filter((entry) => entry.action === 'notifications.changed')).toHaveLength(1);
  });

  it('refuses a bad body naming the field, and writes and announces nothing', async () => {
    const member = await service.register(desk);
    for (const [body, field] of [
      [{ pointsEarned: 'yes' }, 'pointsEarned'],
      [{}, 'pointsEarned'],
      [{ pointsEarned: true, marketing: true }, 'marketing'],
    ] as const) {
      const answer = await service.call<{ errors: { field: string }[] }>('POST', `/members/${member.id}/notifications`, { body, staff: desk });
      expect(answer.status).toBe(400);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body.errors.map((error) => error.field)).toContain(field);
    }
    expect(await preferencesOf(member.id)).toEqual({ memberId: member.id, pointsEarned: false });

    // A valid change after them is the member's first event of this kind: the refused ones published nothing.
    await service.call('POST', `/members/${member.id}/notifications`, { body: { pointsEarned: true }, staff: desk });
    const announced = await waitFor('the valid change to be announced', () => Promise.resolve(eventsOf(member.id).length > 0 ? eventsOf(member.id) : undefined));
    expect(announced).toHaveLength(1);
    expect(announced[0].payload.pointsEarned).toBe(true);
  });

  it('lets a shopper change only their own, and nobody unnamed', async () => {
    const member = await service.register(desk);
    const other = await service.register(desk);
    expect((await asShopper(other.id, `/members/${member.id}/notifications`, { pointsEarned: true })).status).toBe(403);
    expect((await service.call('POST', `/members/${member.id}/notifications`, { body: { pointsEarned: true } })).status).toBe(401);
    expect((await service.call('POST', `/members/${randomUUID()}/notifications`, { body: { pointsEarned: true }, staff: desk })).status).toBe(404);
    expect(await preferencesOf(member.id)).toEqual({ memberId: member.id, pointsEarned: false });
  });
});
