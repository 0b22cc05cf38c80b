import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CorporateProgrammeChangedSchema, CorporateProgrammeStatus, deadLetterTopicOf, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { OutreachStack, uniqueCode, uniqueMobile, type Answer } from './support/outreach-stack';

interface Company {
  id: string;
  name: string;
  building: string;
  contactName?: string;
  contactPhone?: string;
  createdBy: string;
}

interface Programme {
  id: string;
  code: string;
  companyId: string;
  companyName: string;
  validFrom: string;
  validUntil?: string;
  status: string;
  revision: number;
}

interface Member {
  id: string;
  phone: string;
  channel: string;
  sourceRef?: string;
  sourceCompanyId?: string;
}

interface Problem {
  code: string;
  reason?: string;
  errors?: { field: string; message: string }[];
}

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/**
 * The corporate channel end to end on the real servers: specialists record a company and its
 * programme in the outreach service (through the gateway), the programme reaches the member
 * service by its event, and the desk registers employees with the code through the member
 * service's registration route.
 */
describe('corporate programmes and registration with their codes', () => {
  const stack = new OutreachStack({ gateway: testPort(18351), outreach: testPort(13351), member: testPort(13352) });
  const codec = new EventCodec([TOPICS.outreachEvents]);
  let kafka: Kafka;
  let producer: Producer;
  let outreachEvents: TopicRecorder;
  let memberEvents: TopicRecorder;
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    await stack.start();
    kafka = new Kafka({ clientId: `outreach-test-${stack.run}`, brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // The services created the topics at start; every message waited for is made later.
    [outreachEvents, memberEvents, deadLetters] = await Promise.all([
      new TopicRecorder(kafka, [TOPICS.outreachEvents.name]).start(false),
      new TopicRecorder(kafka, [TOPICS.memberEvents.name]).start(false),
      new TopicRecorder(kafka, [deadLetterTopicOf(TOPICS.outreachEvents.name)]).start(false),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([outreachEvents?.stop(), memberEvents?.stop(), deadLetters?.stop()]);
    await producer?.disconnect();
    await stack.stop();
  });

  async function company(name = 'Acme Trading Ltd'): Promise<Company> {
    const answer = await stack.call<Company>('POST', '/api/outreach/companies', 'specialist', { name, building: `Tower ${stack.run}` });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function programme(companyId: string, fields: { code?: string; validFrom?: string; validUntil?: string } = {}): Promise<Programme> {
    const answer = await stack.call<Programme>('POST', '/api/outreach/programmes', 'specialist', { companyId, ...fields });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  const register = (body: Record<string, unknown>) => stack.call<Member & Problem>('POST', '/api/member/members', 'desk', { name: '員工 Employee', ...body });

  /** Registers with the code once the member service has the programme (an unknown code stores nothing, so asking again is safe). */
  async function registerOnceKnown(corporateCode: string, phone = uniqueMobile()): Promise<Answer<Member & Problem>> {
    return waitFor(`the member service to know ${corporateCode}`, async () => {
      const answer = await register({ phone, corporateCode });
      return answer.status === 404 ? undefined : answer;
    }, 60_000);
  }

  const membersWithPhone = async (phone: string) => (await stack.call<{ items: unknown[] }>('GET', `/api/member/members?phone=${phone}`, 'desk')).body.items;

  /** The fields a problem names (a field breaking several rules is named once per rule). */
  const fieldsOf = (answer: Answer<Problem>) => [...new Set((answer.body.errors ?? []).map((error) => error.field))];

  it('records companies and programmes, announces each programme state, and names the field at fault', async () => {
    const created = await stack.call<Company>('POST', '/api/outreach/companies', 'specialist', {
      name: 'Acme Trading Ltd',
      building: `Tower ${stack.run}`,
      contactName: '李小姐',
      contactPhone: '020 3800 1234',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme Trading Ltd', contactPhone: '+862038001234', createdBy: `outreach-specialist-${stack.run}` });
    expect((await stack.call('GET', `/api/outreach/companies/${created.body.id}`, 'finance')).status).toBe(200);
    expect((await stack.call('GET', `/api/outreach/companies/${randomUUID()}`, 'specialist')).status).toBe(404);

    // Bad input: 400 naming the field, nothing stored; the desk and finance may not write.
    const noName = await stack.call<Problem>('POST', '/api/outreach/companies', 'specialist', { building: `Tower ${stack.run}` });
    expect(noName.status).toBe(400);
    expect(noName.contentType).toContain('application/problem+json');
    expect(fieldsOf(noName)).toEqual(['name']);
    const badPhone = await stack.call<Problem>('POST', '/api/outreach/companies', 'specialist', { name: 'Bad Phone Co', building: `Tower ${stack.run}`, contactPhone: '12345' });
    expect(fieldsOf(badPhone)).toEqual(['contactPhone']);
    expect((await stack.call('POST', '/api/outreach/companies', 'desk', { name: 'Desk Co', building: 'x' })).status).toBe(403);
    expect((await stack.call('POST', '/api/outreach/companies', 'finance', { name: 'Finance Co', building: 'x' })).status).toBe(403);
    const inTower = await stack.call<{ items: Company[] }>('GET', `/api/outreach/companies?building=${encodeURIComponent(`Tower ${stack.run}`)}`, 'finance');
    expect(inTower.body.items.map((item) => item.name)).toEqual(['Acme Trading Ltd']);

    // A code staff choose is stored uppercase; one they leave out is made from the company name.
    const chosen = uniqueCode('acme').toLowerCase();
    const first = await programme(created.body.id, { code: chosen, validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2030-01-01T00:00:00+08:00' });
    expect(first).toMatchObject({ code: chosen.toUpperCase(), companyId: created.body.id, companyName: 'Acme Trading Ltd', status: 'active', revision: 1 });
    expect(first.validFrom).toBe('2025-12-31T16:00:00.000Z');
    const generated = await programme(created.body.id);
    expect(generated.code).toMatch(/^ACME[A-HJ-NP-Z2-9]{4}$/);

    const announced = await outreachEvents.waitForMessage('the programme event', (message) => message.key === created.body.id && message.value!.includes(first.id));
    expect(JSON.parse(announced.value!)).toMatchObject({
      type: 'outreach.corporate-programme-changed',
      payload: { programmeId: first.id, code: first.code, companyId: created.body.id, companyName: 'Acme Trading Ltd', status: 'CORPORATE_PROGRAMME_STATUS_ACTIVE', revision: '1' },
    });

    // The same code in another case is taken; an unknown company and a reversed window are named.
    const taken = await stack.call<Problem>('POST', '/api/outreach/programmes', 'specialist', { companyId: created.body.id, code: chosen.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['code']);
    const noCompany = await stack.call<Problem>('POST', '/api/outreach/programmes', 'specialist', { companyId: randomUUID() });
    expect(noCompany.status).toBe(404);
    expect(fieldsOf(noCompany)).toEqual(['companyId']);
    const reversed = await stack.call<Problem>('POST', '/api/outreach/programmes', 'specialist', {
      companyId: created.body.id,
      validFrom: '2026-06-01T00:00:00+08:00',
      validUntil: '2026-05-01T00:00:00+08:00',
    });
    expect(reversed.status).toBe(400);
    expect(fieldsOf(reversed)).toEqual(['validUntil']);
    const badCode = await stack.call<Problem>('POST', '/api/outreach/programmes', 'specialist', { companyId: created.body.id, code: 'AC-ME' });
    expect(fieldsOf(badCode)).toEqual(['code']);
    const listed = await stack.call<{ items: Programme[] }>('GET', `/api/outreach/programmes?companyId=${created.body.id}`, 'finance');
    expect(listed.body.items.map((item) => item.id).sort()).toEqual([first.id, generated.id].sort());
    const byCode = await stack.call<{ items: Programme[] }>('GET', `/api/outreach/programmes?code=${chosen}`, 'specialist');
    expect(byCode.body.items.map((item) => item.id)).toEqual([first.id]);

    // A change is a new revision; the same change again is none.
    const suspended = await stack.call<Programme>('PATCH', `/api/outreach/programmes/${first.id}`, 'specialist', { status: 'suspended' });
    expect(suspended.body).toMatchObject({ status: 'suspended', revision: 2 });
    const again = await stack.call<Programme>('PATCH', `/api/outreach/programmes/${first.id}`, 'specialist', { status: 'suspended' });
    expect(again.body.revision).toBe(2);
    expect((await stack.call('PATCH', `/api/outreach/programmes/${first.id}`, 'desk', { status: 'active' })).status).toBe(403);
    expect((await stack.call('PATCH', `/api/outreach/programmes/${randomUUID()}`, 'specialist', { status: 'active' })).status).toBe(404);
  }, 180_000);

  it('registers an employee with the code in any case: channel corporate, code and company as the source, announced', async () => {
    const acme = await company();
    const acmeProgramme = await programme(acme.id, { code: uniqueCode('ACME'), validFrom: inDays(-1), validUntil: inDays(30) });
    const phone = uniqueMobile();

    const answer = await registerOnceKnown(acmeProgramme.code.toLowerCase(), phone);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ channel: 'corporate', sourceRef: acmeProgramme.code, sourceCompanyId: acme.id, phone: `+86${phone}` });
    const stored = await stack.call<Member>('GET', `/api/member/members/${answer.body.id}`, 'desk');
    expect(stored.body).toMatchObject({ channel: 'corporate', sourceRef: acmeProgramme.code, sourceCompanyId: acme.id });

    const registered = await memberEvents.waitForMessage('member.registered', (message) => message.key === answer.body.id && message.value!.includes('"member.registered"'));
    expect(JSON.parse(registered.value!)).toMatchObject({
      payload: { memberId: answer.body.id, channel: 'REGISTRATION_CHANNEL_CORPORATE', sourceRef: acmeProgramme.code, sourceCompanyId: acme.id },
    });
  }, 180_000);

  it('refuses an unknown, an expired and a not-yet-valid code naming corporateCode, and stores nothing', async () => {
    const acme = await company();
    const expired = await programme(acme.id, { code: uniqueCode('OLD'), validFrom: inDays(-60), validUntil: inDays(-1) });
    const future = await programme(acme.id, { code: uniqueCode('NEW'), validFrom: inDays(10) });
    const phone = uniqueMobile();

    const tooLate = await registerOnceKnown(expired.code, phone);
    expect(tooLate.status).toBe(409);
    expect(tooLate.contentType).toContain('application/problem+json');
    expect(tooLate.body).toMatchObject({ code: 'member.corporate-code-not-usable', reason: 'expired' });
    expect(fieldsOf(tooLate)).toEqual(['corporateCode']);
    const tooEarly = await registerOnceKnown(future.code, phone);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.reason).toBe('not-yet-valid');

    const unknown = await register({ phone, corporateCode: uniqueCode('NOSUCH') });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('member.corporate-code-unknown');
    expect(fieldsOf(unknown)).toEqual(['corporateCode']);
    const noCode = await register({ phone, channel: 'corporate' });
    expect(noCode.status).toBe(400);
    expect(fieldsOf(noCode)).toEqual(['corporateCode']);
    const deskWithCode = await register({ phone, channel: 'desk', corporateCode: expired.code });
    expect(deskWithCode.status).toBe(400);
    expect(fieldsOf(deskWithCode)).toEqual(['corporateCode']);

    expect(await membersWithPhone(phone)).toEqual([]);
  }, 180_000);

  it('follows a suspension and a reactivation, and a late older revision changes nothing', async () => {
    const acme = await company();
    const live = await programme(acme.id, { code: uniqueCode('LIVE'), validFrom: inDays(-1) });
    expect((await registerOnceKnown(live.code)).status).toBe(201);

    await stack.call('PATCH', `/api/outreach/programmes/${live.id}`, 'specialist', { status: 'suspended' });
    // A fresh phone each time: until the suspension arrives, a try registers its phone.
    const suspended = await waitFor('the suspension to reach the member service', async () => {
      const answer = await register({ phone: uniqueMobile(), corporateCode: live.code });
      return answer.status === 409 ? answer : undefined;
    }, 60_000);
    expect(suspended.body.reason).toBe('suspended');

    // Revision 1 (active) delivered again late, then a marker on the same key (same partition, after it).
    const marker = uniqueCode('MARK');
    await send(acme.id, changed({ programmeId: live.id, code: live.code, companyId: acme.id, revision: 1, status: CorporateProgrammeStatus.ACTIVE, validFrom: new Date(live.validFrom) }));
    await send(acme.id, changed({ programmeId: randomUUID(), code: marker, companyId: acme.id, revision: 1, status: CorporateProgrammeStatus.ACTIVE, validFrom: new Date(Date.now() - DAY) }));
    expect((await registerOnceKnown(marker)).status).toBe(201);
    const phone = uniqueMobile();
    const stillSuspended = await register({ phone, corporateCode: live.code });
    expect(stillSuspended.status).toBe(409);
    expect(stillSuspended.body.reason).toBe('suspended');
    expect(await membersWithPhone(phone)).toEqual([]);

    const reactivated = await stack.call<Programme>('PATCH', `/api/outreach/programmes/${live.id}`, 'specialist', { status: 'active' });
    expect(reactivated.body.revision).toBe(3);
    const joined = await waitFor('the reactivation to reach the member service', async () => {
      const answer = await register({ phone, corporateCode: live.code });
      return answer.status === 201 ? answer : undefined;
    }, 60_000);
    expect(joined.body.sourceRef).toBe(live.code);
  }, 180_000);

  it('dead-letters malformed outreach events with the reason and goes on with the next', async () => {
    const companyId = randomUUID();
    const good = uniqueCode('GOOD');
    const reversed = uniqueCode('REV');
    const valid = changed({ programmeId: randomUUID(), code: 'PLACEHOLDER1', companyId, revision: 1, status: CorporateProgrammeStatus.ACTIVE, validFrom: new Date() });
    await send(companyId, '{not json');
    // Breaks the contract: the code is required.
    await send(companyId, valid.replace('"code":"PLACEHOLDER1"', '"code":""'));
    // Passes the contract, but its window ends before it begins.
    await send(
      companyId,
      changed({ programmeId: randomUUID(), code: reversed, companyId, revision: 1, status: CorporateProgrammeStatus.ACTIVE, validFrom: new Date(), validUntil: new Date(Date.now() - DAY) }),
    );
    await send(companyId, changed({ programmeId: randomUUID(), code: good, companyId, revision: 1, status: CorporateProgrammeStatus.ACTIVE, validFrom: new Date(Date.now() - DAY) }));

    expect((await registerOnceKnown(good)).status).toBe(201);
    const letters = await waitFor('three dead letters', () => {
      // Ours: other runs' member services (other consumer groups) dead-letter the same messages on the shared topic.
      const ours = deadLetters.messages.filter((message) => message.key === companyId && message.headers['dlq-consumer-group']?.startsWith(stack.memberGroup));
      return Promise.resolve(ours.length >= 3 ? ours : undefined);
    }, 30_000);
    expect(letters.map((letter) => letter.headers['dlq-error-code'])).toEqual(['contract.violation', 'contract.violation', 'member.corporate-programme-event-invalid']);
    expect(letters[0].value).toBe('{not json');
    expect(letters[1].headers['dlq-reason']).toContain('code');
    expect(letters[2].headers['dlq-reason']).toContain('validUntil');
    expect((await register({ phone: uniqueMobile(), corporateCode: reversed })).status).toBe(404);
  }, 180_000);

  function changed(fields: { programmeId: string; code: string; companyId: string; revision: number; status: CorporateProgrammeStatus; validFrom: Date; validUntil?: Date }): string {
    const at = new Date();
    const eventId = randomUUID();
    return codec.encode(
      TOPICS.outreachEvents,
      'outreach.corporate-programme-changed',
      CorporateProgrammeChangedSchema,
      {
        programmeId: fields.programmeId,
        code: fields.code,
        companyId: fields.companyId,
        companyName: 'Produced by the test',
        validFrom: timestampFromDate(fields.validFrom),
        ...(fields.validUntil ? { validUntil: timestampFromDate(fields.validUntil) } : {}),
        status: fields.status,
        revision: BigInt(fields.revision),
        changedAt: timestampFromDate(at),
      },
      { eventId, key: fields.companyId, occurredAt: at, producer: 'outreach', traceId: eventId },
    );
  }

  async function send(key: string, value: string): Promise<void> {
    await producer.send({ topic: TOPICS.outreachEvents.name, acks: -1, messages: [{ key, value }] });
  }
});
