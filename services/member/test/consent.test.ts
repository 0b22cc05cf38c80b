import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { deadLetterTopicOf, MarketingOptInReceivedSchema, MarketingOptOutReceivedSchema, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, uniqueMobile, type TestStaff } from './support/member-service';

interface ConsentAnswer {
  memberId: string;
  current: { status: string; since?: string; channel?: string; wordingVersion?: string };
  history: { granted: boolean; channel: string; wordingVersion?: string; recordedBy?: string; keyword?: string; messageSid?: string }[];
}

/**
 * Marketing consent as a history, on the real servers: staff record it over HTTP, and shoppers'
 * STOP / 退訂 and opt-in replies arrive from the SMS service on atrium.sms.events.v1.
 */
describe('marketing consent', () => {
  const service = new MemberServiceUnderTest(testPort(13281));
  const desk: TestStaff = { id: 'desk-consent-test', roles: ['desk'] };
  const codec = new EventCodec([TOPICS.smsEvents]);
  let kafka: Kafka;
  let producer: Producer;
  let deadLetters: TopicRecorder;
  let memberEvents: TopicRecorder;

  beforeAll(async () => {
    kafka = new Kafka({ clientId: 'member-consent-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // The service creates the topics at start; the recorders join afterwards and read from
    // the end (each message they wait for is made later, after they joined).
    await service.start({ LOG_LEVEL: 'info' });
    deadLetters = await new TopicRecorder(kafka, [deadLetterTopicOf(TOPICS.smsEvents.name)]).start(false);
    memberEvents = await new TopicRecorder(kafka, [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await service.stop();
  });

  const consentOf = async (memberId: string) => (await service.call<ConsentAnswer>('GET', `/members/${memberId}/consent`)).body;

  function reply(kind: 'out' | 'in', fields: { phone: string; memberId?: string; messageSid: string; keyword: string }, eventId = randomUUID()): { key: string; value: string } {
    const payload = { memberId: fields.memberId ?? '', phone: fields.phone, keyword: fields.keyword, receivedAt: timestampFromDate(new Date()), messageSid: fields.messageSid };
    const metadata = { eventId, key: fields.phone, occurredAt: new Date(), producer: 'sms-campaign', traceId: eventId };
    const value =
      kind === 'out'
        ? codec.encode(TOPICS.smsEvents, 'sms.marketing-opt-out-received', MarketingOptOutReceivedSchema, payload, metadata)
        : codec.encode(TOPICS.smsEvents, 'sms.marketing-opt-in-received', MarketingOptInReceivedSchema, payload, metadata);
    return { key: fields.phone, value };
  }

  const produce = (...messages: { key: string; value: string }[]) => producer.send({ topic: TOPICS.smsEvents.name, acks: -1, messages });

  it('keeps every change with its channel and wording, and answers the current state', async () => {
    const member = await service.register(desk);
    expect((await consentOf(member.id)).current).toEqual({ status: 'not-given' });

    const granted = await service.call<ConsentAnswer>('POST', `/members/${member.id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion: 'mkt-2026-01' }, staff: desk });
    expect(granted.status).toBe(200);
    expect(granted.body.current).toMatchObject({ status: 'granted', channel: 'desk', wordingVersion: 'mkt-2026-01' });

    // The same grant again changes nothing; a withdrawal by phone does.
    await service.call('POST', `/members/${member.id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion: 'mkt-2026-01' }, staff: desk });
    const withdrawn = await service.call<ConsentAnswer>('POST', `/members/${member.id}/consent`, { body: { granted: false, channel: 'phone' }, staff: desk });
    expect(withdrawn.body.current.status).toBe('withdrawn');
    expect(withdrawn.body.history).toEqual([
      expect.objectContaining({ granted: false, channel: 'phone', recordedBy: desk.id }),
      expect.objectContaining({ granted: true, channel: 'desk', wordingVersion: 'mkt-2026-01', recordedBy: desk.id }),
    ]);

    // Each change is announced, with the member's phone for the SMS service's projection.
    const announced = await waitFor('both consent events', () => {
      const ours = memberEvents.messages.filter((m) => m.key === member.id && m.value?.includes('member.consent-changed'));
      return Promise.resolve(ours.length >= 2 ? ours : undefined);
    });
    const payloads = announced.map((message) => (JSON.parse(message.value!) as { payload: { granted?: boolean } }).payload);
    expect(payloads[0]).toMatchObject({ granted: true, channel: 'CONSENT_CHANNEL_DESK', wordingVersion: 'mkt-2026-01', phone: member.phone });
    // proto3 JSON leaves false out.
    expect(payloads[1].granted ?? false).toBe(false);

    // The audit names who did it.
    const audit = await service.call<{ items: { action: string; staffId: string }[] }>('GET', `/members/${member.id}/audit`);
    expect(audit.body.items.filter((entry) => entry.action === 'consent.changed')).toHaveLength(2);
  });

  it('refuses a grant without the wording version, naming the field, and records nothing', async () => {
    const member = await service.register(desk);
    const answer = await service.call<{ errors: { field: string }[] }>('POST', `/members/${member.id}/consent`, { body: { granted: true, channel: 'desk' }, staff: desk });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.errors.map((error) => error.field)).toEqual(['wordingVersion']);
    const badChannel = await service.call<{ errors: { field: string }[] }>('POST', `/members/${member.id}/consent`, { body: { granted: false, channel: 'fax' }, staff: desk });
    expect(badChannel.body.errors.map((error) => error.field)).toEqual(['channel']);
    expect((await consentOf(member.id)).history).toEqual([]);
    expect((await service.call('POST', `/members/${randomUUID()}/consent`, { body: { granted: false, channel: 'desk' }, staff: desk })).status).toBe(404);
    expect((await service.call('POST', `/members/${member.id}/consent`, { body: { granted: false, channel: 'desk' } })).status).toBe(401);
  });

  it('withdraws consent once for an opt-out delivered twice (and resent by the SMS service), and takes a later opt-in', async () => {
    const member = await service.register(desk);
    await service.call('POST', `/members/${member.id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion: 'mkt-2026-01' }, staff: desk });

    const stop = reply('out', { phone: member.phone, messageSid: `SM${randomUUID().replace(/-/g, '')}`, keyword: '退訂' });
    const stopSid = (JSON.parse(stop.value) as { payload: { messageSid: string } }).payload.messageSid;
    const resent = reply('out', { phone: member.phone, memberId: member.id, messageSid: stopSid, keyword: '退訂' });
    const start = reply('in', { phone: member.phone, messageSid: `SM${randomUUID().replace(/-/g, '')}`, keyword: 'START' });
    const marker = reply('out', { phone: member.phone, messageSid: `SM${randomUUID().replace(/-/g, '')}`, keyword: 'TD' });
    // Same key (the phone): one partition, in this order. The copies of the opt-out come after
    // the opt-in, so counting either of them again would withdraw the consent again.
    await produce(stop, start, stop, resent, marker);

    // The marker is another opt-out (TD): it withdraws only if the copies did not withdraw again.
    const after = await waitFor('four consent records', async () => {
      const consent = await consentOf(member.id);
      return consent.history.length >= 4 ? consent : undefined;
    }, 60_000);
    expect(after.history.map((record) => [record.granted, record.channel, record.keyword ?? null])).toEqual([
      [false, 'sms-reply', 'TD'],
      [true, 'sms-reply', 'START'],
      [false, 'sms-reply', '退訂'],
      [true, 'desk', null],
    ]);
    expect(after.current).toMatchObject({ status: 'withdrawn', channel: 'sms-reply' });
  });

  it('acknowledges an opt-out from a phone no member has (logged masked, not dead-lettered)', async () => {
    const stranger = `+86${uniqueMobile()}`;
    const member = await service.register(desk);
    const sids = [`SM${randomUUID().replace(/-/g, '')}`, `SM${randomUUID().replace(/-/g, '')}`];
    await produce(reply('out', { phone: stranger, messageSid: sids[0], keyword: 'STOP' }), reply('in', { phone: stranger, messageSid: sids[1], keyword: 'START' }));
    // A new consumer group reads the topic from the start: earlier runs' replies are logged too.
    const logged = () => service.output.split('\n').filter((line) => line.includes('no member has') && sids.some((sid) => line.includes(sid)));
    await waitFor('both stranger replies in the log', () => Promise.resolve(logged().length >= 2 ? true : undefined), 60_000);
    for (const line of logged()) expect(line).toContain(`"phone":"${stranger.slice(0, 3)}*******${stranger.slice(-4)}"`);
    expect(service.output).not.toContain(stranger);
    expect(deadLetters.messages.some((message) => message.key === stranger)).toBe(false);
    expect((await consentOf(member.id)).history).toEqual([]);
  });

  it('dead-letters a malformed message and one that breaks the contract, and goes on with the next', async () => {
    const member = await service.register(desk);
    await service.call('POST', `/members/${member.id}/consent`, { body: { granted: true, channel: 'desk', wordingVersion: 'v1' }, staff: desk });
    const noSid = reply('out', { phone: member.phone, messageSid: 'x', keyword: 'STOP' });
    const broken = { key: member.phone, value: noSid.value.replace('"messageSid":"x"', '"messageSid":""') };
    await produce({ key: member.phone, value: '{not json' }, broken, reply('out', { phone: member.phone, messageSid: `SM${randomUUID().replace(/-/g, '')}`, keyword: 'STOP' }));

    await waitFor('the withdrawal after the bad messages', async () => ((await consentOf(member.id)).current.status === 'withdrawn' ? true : undefined), 60_000);
    const letters = await waitFor('both dead letters', () => {
      const ours = deadLetters.messages.filter((message) => message.key === member.phone);
      return Promise.resolve(ours.length >= 2 ? ours : undefined);
    });
    expect(letters.map((letter) => letter.headers['dlq-error-code'])).toEqual(['contract.violation', 'contract.violation']);
    expect(letters[0].value).toBe('{not json');
    expect(letters[1].headers['dlq-reason']).toContain('messageSid');
    expect(letters[0].headers['dlq-source-topic']).toBe(TOPICS.smsEvents.name);
  });
});
