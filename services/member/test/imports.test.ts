import { randomInt } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { cardNumberFor } from '../src/cards/card-number';
import { MemberServiceUnderTest, uniqueMobile, type TestStaff } from './support/member-service';
import { payloadOf } from './support/points-events';

interface ImportAnswer {
  id: string;
  status: string;
  totalRows: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  errors: { row: number; column: string; message: string }[];
}

interface Found {
  id: string;
  cardNumber: string;
  tier: string | null;
  consent: { status: string; channel?: string };
}

interface Problem {
  errors: { field: string }[];
}

interface OpeningPoints {
  grantId: string;
  memberId: string;
  importId: string;
  points: string;
}

/**
 * Importing members from an earlier system's CSV on the real servers: a job with a row-level
 * report, keyed by phone (the same file twice creates nobody twice), opening balances handed to
 * the points service once per member as `member.opening-points-granted`.
 */
describe('member import', () => {
  const service = new MemberServiceUnderTest(testPort(13285));
  const specialist: TestStaff = { id: 'spec-import-test', roles: ['specialist'] };
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    await service.start();
    memberEvents = await new TopicRecorder(new Kafka({ clientId: 'member-import-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 }), [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await service.stop();
  });

  const upload = <Body = ImportAnswer>(csv: string, contentType = 'text/csv') => service.send<Body>('POST', '/imports', csv, contentType, specialist);
  const finished = (id: string) =>
    waitFor('the import to complete', async () => {
      const answer = (await service.call<ImportAnswer>('GET', `/imports/${id}`)).body;
      return answer.status === 'completed' ? answer : undefined;
    }, 90_000);
  const byPhone = async (phone: string) => (await service.call<{ items: Found[] }>('GET', `/members?phone=${encodeURIComponent(phone)}`)).body.items;
  const grants = (memberId: string) =>
    memberEvents.messages.filter((message) => message.key === memberId && message.value?.includes('member.opening-points-granted')).map((message) => payloadOf<OpeningPoints>(message.value));

  it('creates the good rows, reports every bad one by row and column, and gives nothing twice when the file comes again', async () => {
    const existing = await service.register(specialist, 'Already Member');
    const [alice, bob, carol, dave] = [uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const givenCard = cardNumberFor('6200', randomInt(1, 1_000_000_000));
    const badCard = givenCard.slice(0, 15) + String((Number(givenCard[15]) + 1) % 10);
    const csv = [
      'phone,name,card number,tier,consent,opening points',
      `${alice},陳大文,,gold,granted,1200`,
      `+86 ${bob},"Chan, Bob",${givenCard},銀卡,withdrawn,`,
      `${carol},Carol,${badCard},,,`,
      '12345,,,platinum,maybe,-5',
      `+86-${alice.slice(0, 3)}-${alice.slice(3, 7)}-${alice.slice(7)},Alice again,,,,99`,
      `${existing.phone},Already Member,,vip,,500`,
      `${dave},Dave,,,,50`,
    ].join('\r\n');

    const accepted = await upload(csv);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', totalRows: 7 });
    const first = await finished(accepted.body.id);
    expect(first).toMatchObject({ totalRows: 7, processed: 7, created: 3, skipped: 1, failed: 3 });
    expect(first.errors).toEqual([
      { row: 4, column: 'cardNumber', message: 'must be 16 digits with a valid check digit' },
      { row: 5, column: 'phone', message: expect.stringContaining('not a valid phone number') as string },
      { row: 5, column: 'name', message: 'is required' },
      { row: 5, column: 'tier', message: expect.stringContaining('must be one of basic, silver, gold, vip') as string },
      { row: 5, column: 'consent', message: 'must be granted, withdrawn or blank' },
      { row: 5, column: 'openingPoints', message: expect.stringContaining('whole number') as string },
      { row: 6, column: 'phone', message: 'is on row 2 already' },
    ]);

    const [a] = await byPhone(alice);
    expect(a).toMatchObject({ tier: 'gold', consent: { status: 'granted', channel: 'import' } });
    const [b] = await byPhone(bob);
    expect(b).toMatchObject({ cardNumber: givenCard, tier: 'silver', consent: { status: 'withdrawn' } });
    const [d] = await byPhone(dave);
    expect(d.tier).toBeNull();
    expect(await byPhone(carol)).toEqual([]);
    // The existing member is left as they were: no tier from the file, no opening points.
    expect((await byPhone(existing.phone))[0]).toMatchObject({ id: existing.id, tier: null });
    const importedA = (await service.call<{ channel: string; sourceRef: string }>('GET', `/members/${a.id}`)).body;
    expect(importedA).toMatchObject({ channel: 'import', sourceRef: accepted.body.id });
    const tierA = (await service.call<{ history: { reason: string; to: string }[] }>('GET', `/members/${a.id}/tier`)).body;
    expect(tierA.history).toEqual([expect.objectContaining({ reason: 'import', to: 'gold' })]);

    // Opening points for A and D, once each, under the grant's id; none for B (blank) or the existing member.
    const [grantA] = await waitFor('A\'s opening points', () => Promise.resolve(grants(a.id)[0] ? grants(a.id) : undefined));
    const [grantD] = await waitFor('D\'s opening points', () => Promise.resolve(grants(d.id)[0] ? grants(d.id) : undefined));
    expect(grantA).toMatchObject({ type: 'member.opening-points-granted', payload: { memberId: a.id, importId: accepted.body.id, points: '1200' } });
    expect(grantA.eventId).toBe(grantA.payload.grantId);
    expect(grantD.payload.points).toBe('50');

    // The same file again: every good row's phone is a member's now.
    const again = await upload(csv);
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(accepted.body.id);
    const second = await finished(again.body.id);
    expect(second).toMatchObject({ processed: 7, created: 0, skipped: 4, failed: 3 });
    for (const phone of [alice, bob, dave, existing.phone]) expect(await byPhone(phone)).toHaveLength(1);
    expect((await byPhone(alice))[0].id).toBe(a.id);
    // Everything the first import published has arrived; the second published no grant.
    await waitFor('the registration events of the first import', () => Promise.resolve(memberEvents.messages.some((message) => message.key === d.id && message.value?.includes('member.registered')) ? true : undefined));
    expect(grants(a.id)).toHaveLength(1);
    expect(grants(d.id)).toHaveLength(1);
    expect(grants(b.id)).toHaveLength(0);
    expect(grants(existing.id)).toHaveLength(0);
  }, 180_000);

  it('refuses a file that is not CSV, has an unknown or missing column, or no rows, naming what is wrong', async () => {
    const json = await upload<Problem>('{"phone":"1"}', 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.errors.map((error) => error.field)).toEqual(['content-type']);
    for (const [csv, field] of [
      ['phone,name,email\n13800138000,A,a@b.c\n', 'header'],
      ['phone,tier\n13800138000,gold\n', 'header'],
      ['phone,name\n', 'body'],
      ['phone,name\n"13800138000,A\n', 'body'],
    ] as const) {
      const answer = await upload<Problem>(csv);
      expect({ csv, status: answer.status, fields: answer.body.errors.map((error) => error.field) }).toEqual({ csv, status: 400, fields: [field] });
    }
    expect((await service.send('POST', '/imports', 'phone,name\n13800138000,A\n', 'text/csv')).status).toBe(401);
  }, 180_000);
});
