// Quiet hours on the real servers: marketing messages due inside the window are deferred to
// its end (never dropped, never sent early); transactional ones still go at once.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@atrium/testing';
import { TransactionalDelivery } from '../src/delivery/transactional-delivery.service';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, uniqueMobile } from './support/delivery-harness';

const MINUTE_MS = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has no daylight saving

/** HH:MM on the Shanghai clock at `instant`. */
function shanghaiClock(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

describe('quiet hours', () => {
  const twilio = new LocalTwilio();
  // A quiet window from an hour ago to an hour from now (whole minutes), on the centre's clock.
  const thisMinute = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
  const windowEnd = new Date(thisMinute + 60 * MINUTE_MS);
  let sms: SmsServiceUnderTest;

  beforeAll(async () => {
    const port = await freePort();
    sms = await SmsServiceUnderTest.start(
      smsEnv(randomUUID().slice(0, 8), port, {
        TZ_CENTRE: 'Asia/Shanghai',
        SMS_QUIET_HOURS_START: shanghaiClock(new Date(thisMinute - 60 * MINUTE_MS)),
        SMS_QUIET_HOURS_END: shanghaiClock(windowEnd),
      }),
    );
  });

  afterAll(async () => {
    await sms?.stop();
  });

  it("defers a campaign's messages to the end of the window: recorded as deferred until then, nothing sent, still queued", async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(sms.profiles, 4);
    const messages = campaignMessages(campaignId, members);
    await sms.delivery.dispatch(campaignId, messages, [], new Date());

    await waitFor('every message to be deferred', async () => {
      const page = await sms.delivery.recipients(campaignId, { status: 'deferred', limit: 10, offset: 0 });
      return page.total === members.length ? page.items : undefined;
    }).then((deferred) => {
      for (const item of deferred) expect(item.deferredUntil?.toISOString()).toBe(windowEnd.toISOString());
    });
    expect(await sms.jobsLeft()).toBe(members.length);
    expect((await sms.delivery.totals(campaignId)).finished).toBe(false);
    expect([...(await twilio.countsFor(members.map((member) => member.phone))).values()]).toEqual([0, 0, 0, 0]);
  });

  it('sends a transactional message inside quiet hours at once', async () => {
    const [member] = await seedMembers(sms.profiles, 1);
    const recipientId = `tx:test:${randomUUID()}`;
    await sms.app.get(TransactionalDelivery).send({ recipientId, memberId: member.memberId, phone: member.phone, language: 'en', body: '【Atrium】Your code is 123456' });
    await waitFor('the transactional message to be delivered', async () => ((await sms.record(recipientId))?.status === 'delivered' ? true : undefined));
    expect((await twilio.countsFor([member.phone])).get(member.phone)).toBe(1);
  });

  it('sends a test message inside quiet hours (staff asked for it)', async () => {
    const phone = uniqueMobile();
    const [result] = await sms.delivery.sendTest(randomUUID(), [phone], '【Atrium】Test send at night');
    expect(result.messageSid).toMatch(/^SM/);
    expect((await twilio.countsFor([phone])).get(phone)).toBe(1);
  });
});
