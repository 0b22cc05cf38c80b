import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf } from '@atrium/contracts';
import { TopicRecorder, waitFor } from '@atrium/testing';
import { ALWAYS_INVALID, countOf, largestBatch } from './counting-handler';
import { MessagingTestApp } from './messaging-test-app';

describe('batch consumption on the real Kafka and FerretDB', () => {
  let harness: MessagingTestApp;
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    harness = await new MessagingTestApp({ batch: true }).start();
    deadLetters = await new TopicRecorder(harness.kafka, [deadLetterTopicOf(harness.topic.name)]).start();
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await harness?.stop();
  });

  it('hands events over in batches, each once, and dead-letters the ones the handler rejects', async () => {
    const key = randomUUID();
    const members = Array.from({ length: 40 }, () => randomUUID());
    const events = members.map((member) => harness.registeredEvent(member));
    const invalid = randomUUID();
    const marker = randomUUID();
    // One key: one partition, in this order. The first ten arrive a second time (redelivery).
    await harness.produce(key, ...events, ...events.slice(0, 10), harness.registeredEvent(invalid, ALWAYS_INVALID), harness.registeredEvent(marker));

    await waitFor('the marker to be counted', () => countOf(harness.connection, marker));
    const counts = await Promise.all(members.map((member) => countOf(harness.connection, member)));
    expect(counts).toEqual(members.map(() => 1));
    expect(await countOf(harness.connection, invalid)).toBeUndefined();
    expect(await largestBatch(harness.connection)).toBeGreaterThan(1);
    const letter = await deadLetters.waitForMessage('the rejected event', (m) => m.value?.includes(invalid) ?? false);
    expect(letter.headers).toMatchObject({ 'dlq-error-code': 'test.invalid', 'dlq-source-topic': harness.topic.name });
  });
});
