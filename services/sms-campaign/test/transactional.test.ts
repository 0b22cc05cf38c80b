// Transactional messages from member and points events on the real Kafka: the sign-up code
// arrives in the local Twilio endpoint's inbox at once and once per code; a new member is
// welcomed once; a redemption is confirmed once, and points about to expire are announced once.
import { randomInt, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Producer } from 'kafkajs';
import {
  MemberRegisteredSchema,
  PointsExpiringSoonSchema,
  PointsRedeemedSchema,
  RedemptionChannel,
  RegistrationChannel,
  RewardKind,
  TOPICS,
  VerificationCodeIssuedSchema,
  VerificationPurpose,
} from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { waitFor } from '@atrium/testing';
import { LocalTwilio, seedMembers, SmsServiceUnderTest, uniqueMobile } from './support/delivery-harness';
import { TransactionalSms } from './support/transactional-harness';

describe('transactional messages', () => {
  const endpoint = new LocalTwilio();
  const codec = new EventCodec([TOPICS.memberEvents, TOPICS.pointsEvents]);
  let harness: TransactionalSms;
  let sms: SmsServiceUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    harness = await TransactionalSms.start('sms-transactional-test');
    ({ sms, producer } = harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Publishes a verification code as the member service does (keyed by phone); returns the event id. */
  async function issueCode(phone: string, codeId: string, code: string, options: { language?: string; expiresInMs?: number } = {}): Promise<string> {
    const eventId = randomUUID();
    const issuedAt = new Date();
    const value = codec.encode(
      TOPICS.memberEvents,
      'member.verification-code-issued',
      VerificationCodeIssuedSchema,
      {
        codeId,
        phone,
        code,
        purpose: VerificationPurpose.SIGN_UP,
        language: options.language ?? 'zh-Hant',
        expiresAt: timestampFromDate(new Date(issuedAt.getTime() + (options.expiresInMs ?? 600_000))),
        memberId: '',
      },
      { eventId, key: phone, occurredAt: issuedAt, producer: 'member', traceId: eventId },
    );
    await producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [{ key: phone, value }] });
    return eventId;
  }

  const processed = (eventIds: readonly string[]) => harness.processed(eventIds);


  it('sends a sign-up code at once in the event’s language, once per code id however often it is published', async () => {
    const phone = uniqueMobile();
    const codeId = randomUUID();
    const code = String(randomInt(100_000, 1_000_000));
    const first = await issueCode(phone, codeId, code);
    // The same code published again under another event id (a relay that published twice after a crash).
    const again = await issueCode(phone, codeId, code);

    await waitFor('the code in the inbox', async () => ((await endpoint.countsFor([phone])).get(phone) === 1 ? true : undefined));
    const [message] = await endpoint.messagesTo(phone);
    expect(message.message.body).toBe(`【Atrium】您的驗證碼是${code}，10分鐘內有效。請勿告訴他人。`);

    await processed([first, again]);
    await waitFor('the queue to drain', async () => ((await sms.jobsLeft()) === 0 ? true : undefined));
    expect((await endpoint.countsFor([phone])).get(phone)).toBe(1);
    await waitFor('the code to be delivered', async () => ((await sms.record(`tx:code:${codeId}`))?.status === 'delivered' ? true : undefined));
    expect(await sms.record(`tx:code:${codeId}`)).toMatchObject({ kind: 'transactional', status: 'delivered' });
  });

  it('sends nothing for a code that expired before it could go out', async () => {
    const phone = uniqueMobile();
    const expired = await issueCode(phone, randomUUID(), '111111', { expiresInMs: -1_000 });
    const fresh = await issueCode(phone, randomUUID(), '222222', { language: 'en' });
    await processed([expired, fresh]);
    await waitFor('the fresh code in the inbox', async () => ((await endpoint.countsFor([phone])).get(phone) === 1 ? true : undefined));
    expect((await endpoint.messagesTo(phone)).map((entry) => entry.message.body)).toEqual(['【Atrium】Your code is 222222, valid 10 minutes. Do not share it.']);
  });

  it('does not send a sign-in code to a member whose number the carrier blocks (Twilio 21610 would refuse it anyway)', async () => {
    const [member] = await seedMembers(sms.profiles, 1);
    await sms.profiles.markCarrierBlocked(member.memberId, member.phone, new Date());
    const codeId = randomUUID();
    const eventId = randomUUID();
    const issuedAt = new Date();
    const value = codec.encode(
      TOPICS.memberEvents,
      'member.verification-code-issued',
      VerificationCodeIssuedSchema,
      {
        codeId,
        phone: member.phone,
        code: '333333',
        purpose: VerificationPurpose.SIGN_IN,
        language: 'en',
        expiresAt: timestampFromDate(new Date(issuedAt.getTime() + 600_000)),
        memberId: member.memberId,
      },
      { eventId, key: member.phone, occurredAt: issuedAt, producer: 'member', traceId: eventId },
    );
    await producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [{ key: member.phone, value }] });
    await waitFor('the code to be excluded', async () => ((await sms.record(`tx:code:${codeId}`))?.status === 'excluded' ? true : undefined));
    expect(await sms.record(`tx:code:${codeId}`)).toMatchObject({ exclusionReason: 'carrier-blocked' });
    expect((await endpoint.countsFor([member.phone])).get(member.phone)).toBe(0);
  });

  it('welcomes a new member once, even when the registration is delivered twice', async () => {
    const memberId = randomUUID();
    const phone = uniqueMobile();
    const registered = { memberId, phone, name: 'Test Shopper', channel: RegistrationChannel.DESK, sourceRef: '', registeredAt: timestampFromDate(new Date()) };
    const eventIds = [randomUUID(), randomUUID()];
    await producer.send({
      topic: TOPICS.memberEvents.name,
      acks: -1,
      messages: eventIds.map((eventId) => ({
        key: memberId,
        value: codec.encode(TOPICS.memberEvents, 'member.registered', MemberRegisteredSchema, registered, { eventId, key: memberId, occurredAt: new Date(), producer: 'member', traceId: eventId }),
      })),
    });

    await processed(eventIds);
    await waitFor('the welcome to be delivered', async () => ((await sms.record(`tx:welcome:${memberId}`))?.status === 'delivered' ? true : undefined));
    await waitFor('the queue to drain', async () => ((await sms.jobsLeft()) === 0 ? true : undefined));
    const messages = await endpoint.messagesTo(phone);
    expect(messages).toHaveLength(1);
    expect(messages[0].message.body).toMatch(/^【Atrium】欢迎成为会员/);
  });

  it('confirms a reservation once, with its code, what it took and when to collect it, in the member\'s language', async () => {
    const [member] = await seedMembers(sms.profiles, 1, { language: 'en' });
    const redemptionId = randomUUID();
    const redeemed = {
      redemptionId,
      memberId: member.memberId,
      code: 'K7M2-QX4P',
      rewardId: randomUUID(),
      rewardName: 'Umbrella',
      rewardKind: RewardKind.GIFT,
      quantity: 1,
      points: 400n,
      channel: RedemptionChannel.ONLINE_RESERVATION,
      location: 'desk-l1',
      redeemedAt: timestampFromDate(new Date()),
      reservedUntil: timestampFromDate(new Date(Date.now() + 2 * 86_400_000)),
      availableBalance: 1_200n,
    };
    // Published twice under two event ids (a relay that published twice after a crash).
    const eventIds = [randomUUID(), randomUUID()];
    await producer.send({
      topic: TOPICS.pointsEvents.name,
      acks: -1,
      messages: eventIds.map((eventId) => ({
        key: member.memberId,
        value: codec.encode(TOPICS.pointsEvents, 'points.redeemed', PointsRedeemedSchema, redeemed, { eventId, key: member.memberId, occurredAt: new Date(), producer: 'points', traceId: eventId }),
      })),
    });

    await processed(eventIds);
    await waitFor('the confirmation to be delivered', async () => ((await sms.record(`tx:redeemed:${redemptionId}`))?.status === 'delivered' ? true : undefined));
    const messages = await endpoint.messagesTo(member.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0].message.body).toMatch(/^【Atrium】Redeemed 1 × Umbrella for 400 points, code K7M2-QX4P\. Collect it at the service desk by \d{4}-\d{2}-\d{2}\. 1200 points left\.$/);
  });

  it('tells a member once that points expire soon, and nothing about points that have expired already', async () => {
    const [member, late] = await seedMembers(sms.profiles, 2, { language: 'zh-Hant' });
    const expiring = (memberId: string, expiresAt: Date) => ({ memberId, points: 500n, expiryDate: '2026-12-31', expiresAt: timestampFromDate(expiresAt) });
    const eventIds = [randomUUID(), randomUUID()];
    await producer.send({
      topic: TOPICS.pointsEvents.name,
      acks: -1,
      messages: [
        { memberId: member.memberId, expiresAt: new Date(Date.now() + 30 * 86_400_000) },
        { memberId: late.memberId, expiresAt: new Date(Date.now() - 60_000) },
      ].map((reminder, index) => ({
        key: reminder.memberId,
        value: codec.encode(TOPICS.pointsEvents, 'points.expiring-soon', PointsExpiringSoonSchema, expiring(reminder.memberId, reminder.expiresAt), {
          eventId: eventIds[index],
          key: reminder.memberId,
          occurredAt: new Date(),
          producer: 'points',
          traceId: eventIds[index],
        }),
      })),
    });

    await processed(eventIds);
    await waitFor('the reminder to be delivered', async () => ((await sms.record(`tx:expiring:${member.memberId}:2026-12-31`))?.status === 'delivered' ? true : undefined));
    expect((await endpoint.messagesTo(member.phone)).map((entry) => entry.message.body)).toEqual(['【Atrium】您有500積分將於2026-12-31後到期，請盡快使用。']);
    expect(await sms.record(`tx:expiring:${late.memberId}:2026-12-31`)).toBeFalsy();
    expect((await endpoint.countsFor([late.phone])).get(late.phone)).toBe(0);
  });
});
