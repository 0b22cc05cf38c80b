// A sender that dies after Twilio accepted a message and before its batched write of the SID
// (RecipientProgressWriter) leaves the record `sending` without a SID, and the job unfinished.
// The state is made here by the sender's own first two steps (mark `sending`, hand the message
// to Twilio through the SDK) with the third never done, exactly what the kill leaves; then a
// sender process takes the job over. Either the message's callbacks reached a live process of
// the service and settled the record (SID and status from the signed URL's holder), or they
// went to the dead one and the new sender finds the message at Twilio: each recipient still has
// exactly one message, and its record the SID Twilio gave it. A third dies between the batch's
// two commands: the SID stored, the status not (still `sending`); the new sender must take that
// SID for the recipient's own, not for another recipient's claim on the message.
import { randomUUID } from 'node:crypto';
import { startServiceProcess, waitFor, type ServiceProcess } from '@atrium/testing';
import { RecipientsRepository } from '../src/delivery/recipients.repository';
import { TWILIO_MESSAGES_SETTINGS, TwilioMessagesClient, type TwilioMessagesSettings } from '../src/twilio/twilio-messages.client';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, startGroupsAtEnd } from './support/delivery-harness';

describe('sender killed between Twilio accepting a message and the batched write of its SID', () => {
  const endpoint = new LocalTwilio();
  let service: SmsServiceUnderTest;
  let sender: ServiceProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    // This process serves the webhooks (a live instance of the service), without a worker.
    env = smsEnv(randomUUID().slice(0, 8), await freePort(), { SMS_STATUS_CHECK_AFTER_SECONDS: '600' });
    service = await SmsServiceUnderTest.start({ ...env, SMS_SENDING_WORKER: 'false' });
    await startGroupsAtEnd(env.KAFKA_CONSUMER_GROUP);
  });

  afterAll(async () => {
    await sender?.stop('SIGKILL');
    await service?.stop();
  });

  it('sends no message twice and stores each SID, whether the callbacks settled it or not', async () => {
    const campaignId = randomUUID();
    const [settledByCallbacks, callbacksLost, sidWithoutStatus] = await seedMembers(service.profiles, 3);
    const messages = campaignMessages(campaignId, [settledByCallbacks, callbacksLost, sidWithoutStatus]);
    await service.delivery.dispatch(campaignId, messages, [], new Date());

    // The dead sender's steps one and two for both messages; step two's answer is never written.
    const settings = service.app.get<TwilioMessagesSettings>(TWILIO_MESSAGES_SETTINGS);
    const deadProcess = `http://127.0.0.1:${await freePort()}/twilio/status`;
    const deadClient = new TwilioMessagesClient({ ...settings, statusCallbackUrl: deadProcess });
    const clients = [service.app.get(TwilioMessagesClient), deadClient, deadClient];
    const recipients = service.app.get(RecipientsRepository);
    const sids: string[] = [];
    for (const [index, message] of messages.entries()) {
      expect(await recipients.markSending({ recipientId: message.recipientId, campaignId, segments: message.segments, phone: message.phone, attemptAt: new Date() })).toBe(true);
      sids.push((await clients[index].send(message.phone, message.body, { recipientId: message.recipientId, campaignId, segments: message.segments })).sid);
    }
    await waitFor('the live process to have the first message delivered', async () => ((await service.record(messages[0].recipientId))?.status === 'delivered' ? true : undefined), 30_000, 100);
    expect(await service.record(messages[1].recipientId)).toMatchObject({ status: 'sending' });
    expect((await service.record(messages[1].recipientId))?.messageSid).toBeUndefined();
    // The batch's first command for the third (RecipientsRepository.applyProgress), its second never run.
    await service.database
      .collection('delivery_recipients')
      .updateOne({ _id: messages[2].recipientId } as Record<string, unknown>, { $set: { messageSid: sids[2], acceptedAt: new Date(), updatedAt: new Date() } });
    expect(await service.record(messages[2].recipientId)).toMatchObject({ status: 'sending', messageSid: sids[2] });

    // A sender takes the unfinished jobs over.
    const senderPort = await freePort();
    sender = await startServiceProcess('sms-campaign', senderPort, { ...env, HTTP_PORT: String(senderPort) });
    await waitFor(
      'both messages to be delivered and accepted',
      async () => {
        const records = await Promise.all(messages.map((message) => service.record(message.recipientId)));
        return records.every((record) => record?.status === 'delivered' && record.acceptedAt !== undefined) ? true : undefined;
      },
      90_000,
      500,
    );

    expect([...(await endpoint.countsFor(messages.map((message) => message.phone))).values()]).toEqual([1, 1, 1]);
    for (const [index, message] of messages.entries()) {
      expect(await service.record(message.recipientId)).toMatchObject({ status: 'delivered', messageSid: sids[index] });
    }
    const totals = await service.delivery.totals(campaignId);
    expect(totals).toMatchObject({ recipients: 3, byStatus: { delivered: 3 }, finished: true });
    expect(totals).toEqual(await service.totalsFromRecords(campaignId));
  }, 150_000);
});
