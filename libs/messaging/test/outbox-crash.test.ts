import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Injectable, Module, type INestApplicationContext, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Kafka } from 'kafkajs';
import mongoose, { type Model } from 'mongoose';
import { TOPICS } from '@atrium/contracts';
import { createLogger, Metrics, ObservabilityModule } from '@atrium/observability';
import { infraEnv, TestLocksModule, TopicRecorder, waitFor } from '@atrium/testing';
import { EventCodec, MessagingModule, OutboxRelay, outboxField, type OutboxEntry } from '../src';

const ROOT = join(__dirname, '..', '..', '..');

interface Thing {
  _id: string;
  outbox: OutboxEntry[];
}

/** Starts the fixture and resolves with what it wrote, once it says the write is done. */
async function writeThenHang(args: string[]): Promise<{ child: ChildProcess; written: string; documentId: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'write-outbox-then-hang.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(([code]) => Promise.reject(new Error(`fixture exited with ${String(code)}`)))])) as [string];
  return { child, ...(JSON.parse(line) as { written: string; documentId: string }) };
}

describe('outbox: a publisher killed between its write and its publish', () => {
  const env = infraEnv();
  const topic = { ...TOPICS.memberEvents, name: `atrium.test.outbox.${randomUUID().slice(0, 8)}` };
  const databaseName = `atrium_test_outbox_${randomUUID().slice(0, 8)}`;
  let relayApp: INestApplicationContext | undefined;
  let recorder: TopicRecorder | undefined;
  const direct = mongoose.createConnection(env.mongoUrl, { dbName: databaseName });

  afterAll(async () => {
    await recorder?.stop();
    await relayApp?.close();
    await direct.dropDatabase().catch(() => undefined);
    await direct.close();
  });

  it('has its event published after a restart', async () => {
    const { child, written, documentId } = await writeThenHang([env.mongoUrl, databaseName, topic.name]);
    child.kill('SIGKILL');
    await once(child, 'exit');

    // The write survived the crash, with the event still waiting in the document.
    const things = direct.collection<Thing>('things');
    const stored = await things.findOne({ _id: documentId });
    expect(stored?.outbox.map((entry) => entry.eventId)).toEqual([written]);

    // A publisher process starts again: its relay finds the entry and publishes it.
    @Injectable()
    class ThingsRepository implements OnModuleInit {
      constructor(
        @InjectModel('Thing') private readonly model: Model<Thing>,
        private readonly relay: OutboxRelay,
      ) {}

      onModuleInit(): void {
        this.relay.watch(this.model);
      }
    }
    @Module({
      imports: [
        ObservabilityModule.forRoot(createLogger('outbox-test', 'warn'), new Metrics('outbox-test')),
        TestLocksModule.forRoot(env.redisUrl),
        MongooseModule.forRoot(env.mongoUrl, { dbName: databaseName }),
        MongooseModule.forFeature([{ name: 'Thing', schema: new mongoose.Schema({ _id: String, outbox: outboxField }, { collection: 'things' }) }]),
        MessagingModule.forRoot({ serviceName: 'outbox-test', brokers: env.kafkaBrokers, topics: [topic], outboxPollMs: 100 }),
      ],
      providers: [ThingsRepository],
    })
    class RestartedPublisher {}

    const kafka = new Kafka({ clientId: 'outbox-test', brokers: env.kafkaBrokers, logLevel: 1 });
    relayApp = await NestFactory.createApplicationContext(RestartedPublisher, { logger: false });
    recorder = await new TopicRecorder(kafka, [topic.name]).start();
    await relayApp.init();

    const published = await recorder.waitForMessage('the event written before the crash', (m) => m.headers['event-id'] === written);
    const decoded = new EventCodec([topic]).decode(topic, published.value);
    expect(decoded).toMatchObject({ eventId: written, type: 'member.registered', payload: { memberId: documentId } });
    await waitFor('the outbox entry to be removed', async () => ((await things.findOne({ _id: documentId }))?.outbox.length === 0 ? true : undefined));
    expect(recorder.messages.filter((m) => m.headers['event-id'] === written)).toHaveLength(1);
  });
});
