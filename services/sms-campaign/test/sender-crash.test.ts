// The sender killed with SIGKILL in the middle of a campaign and started again: every recipient
// still has exactly one message in the local Twilio endpoint's record. The service runs as a
// child process from its build (`node scripts/build.mjs`), as in production; this process only
// seeds members and dispatches the list (its own worker is off), on the same database and queue.
import { randomUUID } from 'node:crypto';
import { startServiceProcess, waitFor, type ServiceProcess } from '@atrium/testing';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, startGroupsAtEnd } from './support/delivery-harness';

const RECIPIENTS = Number(process.env.CRASH_TEST_RECIPIENTS ?? 300);

describe('sender killed mid-campaign', () => {
  const endpoint = new LocalTwilio();
  let dispatcher: SmsServiceUnderTest;
  let sender: ServiceProcess | undefined;
  let senderEnv: Record<string, string>;

  beforeAll(async () => {
    const senderPort = await freePort();
    // A low rate, so the kill lands while many messages are still to go and some are in flight;
    // statuses whose callbacks came while the sender was down are looked up at Twilio 5 s on.
    senderEnv = smsEnv(randomUUID().slice(0, 8), senderPort, { SMS_MESSAGES_PER_SECOND: '25', SMS_STATUS_CHECK_AFTER_SECONDS: '5' });
    dispatcher = await SmsServiceUnderTest.start({ ...senderEnv, HTTP_PORT: String(await freePort()), SMS_SENDING_WORKER: 'false' });
    // The sender consumes member and points events: from now on, not every event other tests left.
    await startGroupsAtEnd(senderEnv.KAFKA_CONSUMER_GROUP);
  });

  afterAll(async () => {
    await sender?.stop('SIGKILL');
    await dispatcher?.stop();
  });

  it('sends every recipient exactly one message across a SIGKILL and a restart', async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(dispatcher.profiles, RECIPIENTS);
    const phones = members.map((member) => member.phone);
    const sentSoFar = async (): Promise<number> => [...(await endpoint.countsFor(phones)).values()].reduce((sum, count) => sum + count, 0);

    sender = await startServiceProcess('sms-campaign', Number(senderEnv.HTTP_PORT), senderEnv);
    await dispatcher.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date());
    const running = sender;
    await waitFor('a third of the campaign to be sent', async () => ((await sentSoFar()) >= RECIPIENTS / 3 ? true : undefined), 60_000, 50).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; the sender's output:\n${running.output().slice(-3_000)}`);
    });
    await sender.stop('SIGKILL');
    const atKill = await sentSoFar();
    expect(atKill).toBeLessThan(RECIPIENTS);

    sender = await startServiceProcess('sms-campaign', Number(senderEnv.HTTP_PORT), senderEnv);
    await dispatcher.waitUntilDelivered(campaignId, RECIPIENTS);

    const counts = await endpoint.countsFor(phones);
    const notOne = [...counts].filter(([, count]) => count !== 1);
    expect(notOne).toEqual([]);
    expect(await dispatcher.delivery.totals(campaignId)).toMatchObject({ recipients: RECIPIENTS, byStatus: { delivered: RECIPIENTS }, finished: true });
  }, 240_000);
});
