// The earned-points SMS on the real Kafka and the local Twilio endpoint: a member who asked for
// it (member.notification-preferences-changed) gets exactly one message per sale, however often
// its points.earned is delivered or published; a member who did not ask, one who replied STOP
// and one who was erased get none.
import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Producer } from 'kafkajs';
import { MemberErasedSchema, NotificationPreferencesChangedSchema, PointsEarnedSchema, PreferenceChangeSource, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { waitFor } from '@atrium/testing';
import { LocalTwilio, seedMembers, SmsServiceUnderTest, type SeededMember } from './support/delivery-harness';
import { TransactionalSms } from './support/transactional-harness';

describe('points earned SMS', () => {
  const endpoint = new LocalTwilio();
  const codec = new EventCodec([TOPICS.memberEvents, TOPICS.pointsEvents]);
  let harness: TransactionalSms;
  let sms: SmsServiceUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    harness = await TransactionalSms.start('sms-points-earned-test');
    ({ sms, producer } = harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const processed = (eventIds: readonly string[]) => harness.processed(eventIds);


  /** The member service's announcement that the member wants (or not) the earned-points SMS; returns its event id. */
  async function choose(member: SeededMember, pointsEarned: boolean): Promise<string> {
    const eventId = randomUUID();
    const changedAt = new Date();
    const value = codec.encode(
      TOPICS.memberEvents,
      'member.notification-preferences-changed',
      NotificationPreferencesChangedSchema,
      { memberId: member.memberId, pointsEarned, changedAt: timestampFromDate(changedAt), source: PreferenceChangeSource.SELF_SERVICE },
      { eventId, key: member.memberId, occurredAt: changedAt, producer: 'member', traceId: eventId },
    );
    await producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [{ key: member.memberId, value }] });
    return eventId;
  }

  async function erase(member: SeededMember): Promise<string> {
    const eventId = randomUUID();
    const value = codec.encode(
      TOPICS.memberEvents,
      'member.erased',
      MemberErasedSchema,
      { memberId: member.memberId, closedCardNumbers: [], erasedAt: timestampFromDate(new Date()) },
      { eventId, key: member.memberId, occurredAt: new Date(), producer: 'member', traceId: eventId },
    );
    await producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [{ key: member.memberId, value }] });
    return eventId;
  }

  /** A sale's points.earned as the points service publishes it (keyed by member). */
  function earned(member: SeededMember, sale: { receiptNumber: string; points: number; available: number; pending: number }, eventId = randomUUID()): { key: string; value: string; eventId: string } {
    const value = codec.encode(
      TOPICS.pointsEvents,
      'points.earned',
      PointsEarnedSchema,
      {
        memberId: member.memberId,
        tenantId: 'tenant-sms-earned',
        receiptNumber: sale.receiptNumber,
        amountMinor: 12_300n,
        currency: 'CNY',
        points: BigInt(sale.points),
        purchasedAt: timestampFromDate(new Date()),
        availableBalance: BigInt(sale.available),
        pendingBalance: BigInt(sale.pending),
      },
      { eventId, key: member.memberId, occurredAt: new Date(), producer: 'points', traceId: eventId },
    );
    return { key: member.memberId, value, eventId };
  }

  it('texts a member who asked for it once per sale, even when its event comes twice, and nobody else', async () => {
    const [wanting, indifferent, stopped, erased] = await seedMembers(sms.profiles, 4, { language: 'en', consent: false });
    const [zhWanting] = await seedMembers(sms.profiles, 1, { language: 'zh-Hant', consent: false });

    // Every preference is off until chosen: indifferent never chooses.
    const choices = await Promise.all([choose(wanting, true), choose(stopped, true), choose(erased, true), choose(zhWanting, true)]);
    await processed(choices);
    // The carrier blocks this one's number (Twilio 21610): a STOP to us alone would not stop it.
    await sms.profiles.markCarrierBlocked(stopped.memberId, stopped.phone, new Date());
    await processed([await erase(erased)]);
    expect((await sms.profiles.get(wanting.memberId))?.notifications).toEqual({ pointsEarned: true });
    expect((await sms.profiles.get(indifferent.memberId))?.notifications).toBeUndefined();
    expect(await sms.profiles.get(erased.memberId)).toMatchObject({ erased: true });

    const receipt = (member: SeededMember) => `R-${member.memberId.slice(0, 8)}`;
    const sale = (member: SeededMember) => ({ receiptNumber: receipt(member), points: 123, available: 1_500, pending: 123 });
    const first = earned(wanting, sale(wanting));
    // The same event delivered twice, and the same sale published again under another event id
    // (a relay that published twice after a crash).
    const copies = [first, { ...first }, earned(wanting, sale(wanting))];
    const others = [earned(indifferent, sale(indifferent)), earned(stopped, sale(stopped)), earned(erased, sale(erased)), earned(zhWanting, sale(zhWanting))];
    await producer.send({ topic: TOPICS.pointsEvents.name, acks: -1, messages: [...copies, ...others].map(({ key, value }) => ({ key, value })) });
    await processed([...copies, ...others].map((message) => message.eventId));

    const recipientId = (member: SeededMember) => `tx:earned:tenant-sms-earned:${receipt(member)}`;
    await waitFor('the messages to be delivered', async () =>
      (await sms.record(recipientId(wanting)))?.status === 'delivered' && (await sms.record(recipientId(zhWanting)))?.status === 'delivered' ? true : undefined,
    );
    await waitFor('the queue to drain', async () => ((await sms.jobsLeft()) === 0 ? true : undefined));

    expect((await endpoint.messagesTo(wanting.phone)).map((entry) => entry.message.body)).toEqual(['【Atrium】You earned 123 points. Balance: 1500 points, plus 123 pending.']);
    expect((await endpoint.messagesTo(zhWanting.phone)).map((entry) => entry.message.body)).toEqual(['【Atrium】您獲得123積分。積分餘額1500，另有123積分待生效。']);
    // Not asked for: nothing recorded, nothing sent.
    expect(await sms.record(recipientId(indifferent))).toBeFalsy();
    expect((await endpoint.countsFor([indifferent.phone])).get(indifferent.phone)).toBe(0);
    // Asked for, but the carrier blocks the number: nothing goes, transactional or not.
    await waitFor('the blocked member’s message to be excluded', async () => ((await sms.record(recipientId(stopped)))?.status === 'excluded' ? true : undefined));
    expect(await sms.record(recipientId(stopped))).toMatchObject({ exclusionReason: 'carrier-blocked' });
    expect((await endpoint.countsFor([stopped.phone])).get(stopped.phone)).toBe(0);
    // Erased: the projection forgot the preference with everything else.
    expect(await sms.record(recipientId(erased))).toBeFalsy();
    expect((await endpoint.countsFor([erased.phone])).get(erased.phone)).toBe(0);
  });

  it('stops when the member turns it off, and sends nothing for a sale that earned no points', async () => {
    const [member] = await seedMembers(sms.profiles, 1, { language: 'en', consent: false });
    await processed([await choose(member, true)]);
    const nothingEarned = earned(member, { receiptNumber: `R0-${randomUUID()}`, points: 0, available: 10, pending: 0 });
    await producer.send({ topic: TOPICS.pointsEvents.name, acks: -1, messages: [{ key: nothingEarned.key, value: nothingEarned.value }] });
    await processed([nothingEarned.eventId]);
    await processed([await choose(member, false)]);
    const afterOff = earned(member, { receiptNumber: `R1-${randomUUID()}`, points: 40, available: 50, pending: 0 });
    await producer.send({ topic: TOPICS.pointsEvents.name, acks: -1, messages: [{ key: afterOff.key, value: afterOff.value }] });
    await processed([afterOff.eventId]);

    await waitFor('the queue to drain', async () => ((await sms.jobsLeft()) === 0 ? true : undefined));
    expect(await sms.database.collection('delivery_recipients').countDocuments({ memberId: member.memberId })).toBe(0);
    expect((await endpoint.countsFor([member.phone])).get(member.phone)).toBe(0);
  });
});
