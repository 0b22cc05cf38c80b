import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { infraEnv, waitFor } from '@atrium/testing';
import { freePort, smsEnv, SmsServiceUnderTest } from './delivery-harness';

/**
 * The SMS service consuming member and points events, with quiet hours all day long
 * (transactional messages must go anyway), and a producer to publish those events as the
 * member and points services do.
 */
export class TransactionalSms {
  private constructor(
    readonly sms: SmsServiceUnderTest,
    readonly producer: Producer,
  ) {}

  static async start(clientId: string): Promise<TransactionalSms> {
    const sms = await SmsServiceUnderTest.start(smsEnv(randomUUID().slice(0, 8), await freePort(), { SMS_QUIET_HOURS_START: '00:00', SMS_QUIET_HOURS_END: '23:59' }), { consume: true });
    const producer = new Kafka({ clientId, brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new TransactionalSms(sms, producer);
  }

  /** Waits until the service has consumed every one of these events (its inbox holds them). */
  async processed(eventIds: readonly string[]): Promise<void> {
    const unique = [...new Set(eventIds)];
    await waitFor('the events to be processed', async () =>
      (await this.sms.database.collection('messaging_inbox').countDocuments({ eventId: { $in: unique } })) === unique.length ? true : undefined,
    );
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
    await this.sms.stop();
  }
}
