// Delivery of campaign messages on the real servers and the local Twilio endpoint: every
// recipient of a dispatched list gets exactly one message in the endpoint's record, whatever
// is repeated, refused or lost on the way.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@atrium/testing';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, uniqueMobile } from './support/delivery-harness';

describe('campaign delivery through Twilio', () => {
  const twilio = new LocalTwilio();
  let sms: SmsServiceUnderTest;

  beforeAll(async () => {
    const port = await freePort();
    // A cap of 2 in 30 days, so the cap is reached within a test.
    sms = await SmsServiceUnderTest.start(smsEnv(randomUUID().slice(0, 8), port, { SMS_MARKETING_CAP_MESSAGES: '2' }));
  });

  afterAll(async () => {
    await sms?.stop();
  });

  it('sends every recipient of a dispatched list exactly one message, delivered, and a repeated dispatch adds nothing', async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(sms.profiles, 25);
    const messages = campaignMessages(campaignId, members);
    const excluded = { recipientId: `${campaignId}:${randomUUID()}`, campaignId, memberId: randomUUID(), reason: 'no-consent' as const };

    await sms.delivery.dispatch(campaignId, messages, [excluded], new Date());
    await sms.waitUntilSettled(campaignId);

    const counts = await twilio.countsFor(members.map((member) => member.phone));
    expect([...counts.values()]).toEqual(members.map(() => 1));
    const totals = await sms.delivery.totals(campaignId);
    expect(totals).toMatchObject({
      recipients: 26,
      byStatus: { delivered: 25, excluded: 1 },
      excludedByReason: { 'no-consent': 1 },
      segmentsBilled: 25,
      optOutsCaused: 0,
      finished: true,
    });
    // The counters the totals come from agree with the records.
    expect(totals).toEqual(await sms.totalsFromRecords(campaignId));
    const [first] = await twilio.messagesTo(members[0].phone);
    expect(first.message.body).toBe(messages[0].body);

    // Dispatched again (as after a crash of the campaigns side): nothing more goes out.
    await sms.delivery.dispatch(campaignId, messages, [excluded], new Date());
    await waitFor('the queue to drain', async () => ((await sms.jobsLeft()) === 0 ? true : undefined));
    expect([...(await twilio.countsFor(members.map((member) => member.phone))).values()]).toEqual(members.map(() => 1));
    expect((await sms.delivery.totals(campaignId)).recipients).toBe(26);
  });

  it('reads the member again when sending: consent withdrawn or a number changed after the list was frozen', async () => {
    const campaignId = randomUUID();
    const [withdrawn, moved, stays] = await seedMembers(sms.profiles, 3);
    const newNumber = uniqueMobile();
    const messages = campaignMessages(campaignId, [withdrawn, moved, stays]);
    await sms.profiles.applyMemberChange(withdrawn.memberId, { kind: 'consent-changed', granted: false, at: new Date() });
    await sms.profiles.applyMemberChange(moved.memberId, { kind: 'profile-updated', phone: newNumber, name: 'Test Shopper', language: 'en', tags: [], at: new Date() });

    await sms.delivery.dispatch(campaignId, messages, [], new Date());
    await sms.waitUntilSettled(campaignId);

    const statuses = await sms.statuses(campaignId);
    expect(statuses.get(messages[0].recipientId)).toBe('excluded');
    expect(statuses.get(messages[2].recipientId)).toBe('delivered');
    expect((await sms.delivery.totals(campaignId)).excludedByReason).toEqual({ 'no-consent': 1 });
    const counts = await twilio.countsFor([withdrawn.phone, moved.phone, newNumber, stays.phone]);
    expect(Object.fromEntries(counts)).toEqual({ [withdrawn.phone]: 0, [moved.phone]: 0, [newNumber]: 1, [stays.phone]: 1 });
  });

  it('holds the frequency cap across campaigns sent at the same moment: no member gets more than the cap', async () => {
    const members = await seedMembers(sms.profiles, 6);
    const campaigns = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all(campaigns.map((campaignId) => sms.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date())));
    for (const campaignId of campaigns) await sms.waitUntilSettled(campaignId);

    // Cap 2: each member gets exactly two of the three, the third is excluded as capped.
    const counts = await twilio.countsFor(members.map((member) => member.phone));
    expect([...counts.values()]).toEqual(members.map(() => 2));
    const totals = await Promise.all(campaigns.map((campaignId) => sms.delivery.totals(campaignId)));
    expect(totals.reduce((sum, total) => sum + (total.excludedByReason['frequency-capped'] ?? 0), 0)).toBe(members.length);
    expect(totals.reduce((sum, total) => sum + (total.byStatus.delivered ?? 0), 0)).toBe(2 * members.length);
  });

  it('handles Twilio refusals as they mean: unsubscribed → opted out, invalid → number marked, busy → retried once through', async () => {
    const campaignId = randomUUID();
    const [unsubscribed, invalid, busy, fine] = await seedMembers(sms.profiles, 4);
    const rules = [
      await twilio.fail({ to: unsubscribed.phone, code: 21610 }),
      await twilio.fail({ to: invalid.phone, code: 21211 }),
      await twilio.fail({ to: busy.phone, code: 20429, times: 2 }),
    ];
    try {
      const messages = campaignMessages(campaignId, [unsubscribed, invalid, busy, fine]);
      await sms.delivery.dispatch(campaignId, messages, [], new Date());
      await sms.waitUntilSettled(campaignId, 90_000);

      const page = await sms.delivery.recipients(campaignId, { limit: 10, offset: 0 });
      const byMember = new Map(page.items.map((item) => [item.memberId, item]));
      expect(byMember.get(unsubscribed.memberId)).toMatchObject({ status: 'failed', errorCode: 21610 });
      expect(byMember.get(invalid.memberId)).toMatchObject({ status: 'failed', errorCode: 21211 });
      expect(byMember.get(busy.memberId)).toMatchObject({ status: 'delivered' });
      expect(byMember.get(fine.memberId)).toMatchObject({ status: 'delivered' });
      // 21610 is the carrier's block, not a marketing opt-out: every message stops, until START.
      const blocked = await sms.profiles.get(unsubscribed.memberId);
      expect(blocked?.smsOptedOut).toBe(false);
      expect(blocked?.smsCarrierBlockedAt).toBeInstanceOf(Date);
      expect((await sms.profiles.get(invalid.memberId))?.phoneInvalid).toBe(true);
      expect(Object.fromEntries(await twilio.countsFor([unsubscribed.phone, invalid.phone, busy.phone, fine.phone]))).toEqual({
        [unsubscribed.phone]: 0,
        [invalid.phone]: 0,
        [busy.phone]: 1,
        [fine.phone]: 1,
      });
      expect((await sms.delivery.totals(campaignId)).failedByErrorCode).toEqual({ '21610': 1, '21211': 1 });
      expect(await sms.delivery.totals(campaignId)).toEqual(await sms.totalsFromRecords(campaignId));
    } finally {
      for (const rule of rules) await twilio.removeRule(rule);
    }
  }, 120_000);

  it('reports an undelivered message with its error code', async () => {
    const campaignId = randomUUID();
    const [member] = await seedMembers(sms.profiles, 1);
    const rule = await twilio.fail({ to: member.phone, code: 30003 });
    try {
      await sms.delivery.dispatch(campaignId, campaignMessages(campaignId, [member]), [], new Date());
      await sms.waitUntilSettled(campaignId);
      expect((await sms.delivery.recipients(campaignId, { limit: 1, offset: 0 })).items[0]).toMatchObject({ status: 'undelivered', errorCode: 30003 });
      expect((await sms.delivery.totals(campaignId)).failedByErrorCode).toEqual({ '30003': 1 });
    } finally {
      await twilio.removeRule(rule);
    }
  });

  it("sends exactly one message when Twilio's answer is lost: the retry finds the message at Twilio and adopts it", async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(sms.profiles, 4);
    const lost = members.slice(0, 2);
    const rules = await Promise.all(lost.map((member) => twilio.fail({ to: member.phone, loseAnswer: true, times: 1 })));
    try {
      await sms.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date());
      await sms.waitUntilSettled(campaignId, 90_000);

      expect([...(await twilio.countsFor(members.map((member) => member.phone))).values()]).toEqual([1, 1, 1, 1]);
      // The lost ones' status callbacks came while no record held their SID; they were kept and applied.
      const page = await sms.delivery.recipients(campaignId, { limit: 10, offset: 0 });
      for (const member of lost) {
        const [sent] = await twilio.messagesTo(member.phone);
        expect(sent.answerLost).toBe(true);
        expect(page.items.find((item) => item.memberId === member.memberId)).toMatchObject({ status: 'delivered', messageSid: sent.message.sid });
      }
    } finally {
      for (const rule of rules) await twilio.removeRule(rule);
    }
  }, 120_000);

  it('pauses, resumes and cancels a campaign by its unsent messages', async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(sms.profiles, 5);
    // Scheduled an hour ahead, so nothing is taken by the worker while the test pauses it.
    await sms.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date(Date.now() + 3_600_000));
    expect(await sms.jobsLeft(campaignId)).toBe(5);

    await sms.delivery.pause(campaignId);
    expect(await sms.jobsLeft(campaignId)).toBe(0);
    await sms.delivery.resume(campaignId);
    expect(await sms.jobsLeft(campaignId)).toBe(5);
    await sms.delivery.cancel(campaignId);
    expect(await sms.jobsLeft(campaignId)).toBe(0);

    const totals = await sms.delivery.totals(campaignId);
    expect(totals).toMatchObject({ recipients: 5, byStatus: { cancelled: 5 }, finished: true, segmentsBilled: 0 });
    expect(totals).toEqual(await sms.totalsFromRecords(campaignId));
    // Cancelled is final: resume changes nothing.
    await sms.delivery.resume(campaignId);
    expect(await sms.jobsLeft(campaignId)).toBe(0);
    expect([...(await twilio.countsFor(members.map((member) => member.phone))).values()]).toEqual([0, 0, 0, 0, 0]);
  });

  it('finds recipients by status and member, phones masked', async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(sms.profiles, 3);
    await sms.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date());
    await sms.waitUntilSettled(campaignId);

    const byMember = await sms.delivery.recipients(campaignId, { memberId: members[1].memberId, limit: 10, offset: 0 });
    expect(byMember.total).toBe(1);
    expect(byMember.items[0]).toMatchObject({ memberId: members[1].memberId, status: 'delivered', segments: 1 });
    expect(byMember.items[0].phoneMasked).toBe(`+85${'*'.repeat(members[1].phone.length - 7)}${members[1].phone.slice(-4)}`);
    expect(byMember.items[0].messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect((await sms.delivery.recipients(campaignId, { status: 'delivered', limit: 2, offset: 0 })).items).toHaveLength(2);
    expect((await sms.delivery.recipients(campaignId, { status: 'failed', limit: 10, offset: 0 })).total).toBe(0);
  });

  it('sends a test message to staff phones at once', async () => {
    const phone = uniqueMobile();
    const [result] = await sms.delivery.sendTest(randomUUID(), [phone], '【Atrium】Test send');
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const [sent] = await twilio.messagesTo(phone);
    expect(sent.message).toMatchObject({ sid: result.messageSid, body: '【Atrium】Test send' });
  });
});
