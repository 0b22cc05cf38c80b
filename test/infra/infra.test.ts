// The project's own infrastructure (scripts/infra) against the real servers: no mocks.
// The integration project's global setup has run `scripts/infra up`, so process.env holds
// KAFKA_BROKERS, MONGO_URL and REDIS_URL.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { infraEnv } from '@atrium/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

describe('scripts/infra', () => {
  it('status answers for Kafka, FerretDB and Redis with the version each server reports', async () => {
    // execFile rejects on a non-zero exit, so resolving means `status` exited 0.
    const { stdout } = await run('bash', [path.join(ROOT, 'scripts', 'infra'), 'status'], {
      cwd: ROOT,
      env: process.env,
      timeout: 45_000,
    });
    const lineOf = (name: string): string => {
      const line = stdout.split('\n').find((l) => l.startsWith(`${name} `));
      if (line === undefined) throw new Error(`no '${name}' line in scripts/infra status:\n${stdout}`);
      return line;
    };
    const kafka = lineOf('kafka');
    const ferretdb = lineOf('ferretdb');
    const redis = lineOf('redis');
    for (const line of [kafka, ferretdb, redis]) expect(line).toMatch(/^\S+\s+up\s/);

    // An external broker's version is not carried by the Kafka protocol; a local one's is.
    if (!kafka.includes('(external')) expect(kafka).toMatch(/Apache Kafka \d+\.\d+\.\d+/);
    expect(ferretdb).toMatch(/MongoDB wire \d+\.\d+\.\d+/);
    if (!ferretdb.includes('(external')) expect(ferretdb).toMatch(/FerretDB v\d+\.\d+\.\d+/);
    expect(redis).toMatch(/Redis \d+\.\d+\.\d+/);
    // Beside a FerretDB of ours runs its watchdog.
    if (!ferretdb.includes('(external')) expect(lineOf('watchdog')).toMatch(/^watchdog\s+up\s.*restarts it after \d+s without an answer/);
  });

  describe('Kafka', () => {
    const env = infraEnv();
    const kafka = new Kafka({ clientId: 'infra-test', brokers: env.kafkaBrokers, logLevel: logLevel.ERROR });
    const topic = `infra-test.roundtrip.${randomUUID()}`;
    let admin: Admin | undefined;
    let producer: Producer | undefined;
    let consumer: Consumer | undefined;

    afterAll(async () => {
      await consumer?.disconnect();
      await producer?.disconnect();
      if (admin) {
        await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
        await admin.disconnect();
      }
    });

    it('carries a produced message to a consumer (kafkajs against the broker)', async () => {
      admin = kafka.admin();
      await admin.connect();
      const created = await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
      });
      expect(created).toBe(true);

      const value = `hello ${randomUUID()}`;
      const received = new Promise<{ key: string | undefined; value: string | undefined }>((resolve) => {
        consumer = kafka.consumer({ groupId: `infra-test.${randomUUID()}` });
        void (async () => {
          if (!consumer) return;
          await consumer.connect();
          await consumer.subscribe({ topic, fromBeginning: true });
          await consumer.run({
            eachMessage: ({ message }) => {
              const v = message.value?.toString();
              if (v === value) resolve({ key: message.key?.toString(), value: v });
              return Promise.resolve();
            },
          });
        })();
      });

      producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'member-1', value }] });

      // A bounded wait for the message, not a sleep: fails with a clear message after 30 s.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no message on ${topic} within 30 s`)), 30_000);
      });
      try {
        const message = await Promise.race([received, deadline]);
        expect(message).toEqual({ key: 'member-1', value });
      } finally {
        clearTimeout(timer);
      }
    });
  });
});
