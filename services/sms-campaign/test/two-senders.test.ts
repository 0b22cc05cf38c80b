// Two sender processes of the service on one sending queue share a campaign's jobs; one is
// killed with SIGKILL mid-campaign and the other carries on alone (taking over the dead one's
// unfinished jobs once BullMQ sees them stalled). Each recipient gets exactly one message,
// counted in the local Twilio endpoint's record and in the database. Both processes run from
// the build, as in production; this process only seeds members and dispatches (worker off).
import { randomUUID } from 'node:crypto';
import { startServiceProcess, waitFor, type ServiceProcess } from '@atrium/testing';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, startGroupsAtEnd } from './support/delivery-harness';

const RECIPIENTS = Number(process.env.TWO_SENDERS_TEST_RECIPIENTS ?? 300);

interface RecordedMessage {
  readonly message: { readonly to: string };
  readonly statusCallback: string | null;
}

describe('two senders sharing the sending queue', () => {
  const endpoint = new LocalTwilio();
  let dispatcher: SmsServiceUnderTest;
  const senders: ServiceProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    // A low rate, so the kill lands while many messages are still to go; statuses whose
    // callbacks went to the dead process are looked up at Twilio 5 s on.
    env = smsEnv(randomUUID().slice(0, 8), await freePort(), { SMS_MESSAGES_PER_SECOND: '25', SMS_STATUS_CHECK_AFTER_SECONDS: '5' });
    dispatcher = await SmsServiceUnderTest.start({ ...env, SMS_SENDING_WORKER: 'false' });
    await startGroupsAtEnd(env.KAFKA_CONSUMER_GROUP);
  });

  afterAll(async () => {
    for (const sender of senders) await sender.stop('SIGKILL');
    await dispatcher?.stop();
  });

  /** A sender process whose Twilio callbacks come to itself (so the dead one's are lost). */
  async function startSender(): Promise<{ process: ServiceProcess; callbackBase: string }> {
    const port = await freePort();
    const callbackBase = `http://127.0.0.1:${port}/twilio`;
    const process = await startServiceProcess('sms-campaign', port, { ...env, HTTP_PORT: String(port), TWILIO_WEBHOOK_BASE_URL: callbackBase });
    senders.push(process);
    return { process, callbackBase };
  }

  it('sends every recipient exactly one message when one of the two is killed mid-campaign', async () => {
    const campaignId = randomUUID();
    const members = await seedMembers(dispatcher.profiles, RECIPIENTS);
    const phones = members.map((member) => member.phone);
    const sentSoFar = async (): Promise<number> => [...(await endpoint.countsFor(phones)).values()].reduce((sum, count) => sum + count, 0);

    const [killed, survivor] = await Promise.all([startSender(), startSender()]);
    await dispatcher.delivery.dispatch(campaignId, campaignMessages(campaignId, members), [], new Date());
    await waitFor('a third of the campaign to be sent', async () => ((await sentSoFar()) >= RECIPIENTS / 3 ? true : undefined), 60_000, 50);
    await killed.process.stop('SIGKILL');
    expect(await sentSoFar()).toBeLessThan(RECIPIENTS);

    await dispatcher.waitUntilDelivered(campaignId, RECIPIENTS, () => `survivor:\n${survivor.process.output().slice(-3_000)}`);

    // The endpoint's record: one message per number, and both processes sent some of them.
    const counts = await endpoint.countsFor(phones);
    expect([...counts].filter(([, count]) => count !== 1)).toEqual([]);
    const recorded = (await (await fetch(`${endpoint.baseUrl}/_local/messages?direction=outbound-api&limit=100000&since=${new Date(Date.now() - 600_000).toISOString()}`)).json()) as {
      messages: RecordedMessage[];
    };
    const ours = recorded.messages.filter((entry) => phones.includes(entry.message.to));
    const bySender = (base: string): number => ours.filter((entry) => entry.statusCallback?.startsWith(base) === true).length;
    expect(bySender(killed.callbackBase)).toBeGreaterThan(0);
    expect(bySender(survivor.callbackBase)).toBeGreaterThan(0);
    expect(bySender(killed.callbackBase) + bySender(survivor.callbackBase)).toBe(RECIPIENTS);

    // The database: one record per recipient, each delivered with its own SID, none shared.
    const records = await dispatcher.database
      .collection('delivery_recipients')
      .find({ campaignId } as Record<string, unknown>)
      .toArray();
    expect(records).toHaveLength(RECIPIENTS);
    expect(records.filter((record) => record.status !== 'delivered')).toEqual([]);
    expect(new Set(records.map((record) => record.messageSid as string)).size).toBe(RECIPIENTS);
    expect(await dispatcher.delivery.totals(campaignId)).toMatchObject({ recipients: RECIPIENTS, byStatus: { delivered: RECIPIENTS }, finished: true });
    expect(await dispatcher.delivery.totals(campaignId)).toEqual(await dispatcher.totalsFromRecords(campaignId));
  }, 300_000);
});
