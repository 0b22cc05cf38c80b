import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf } from '@atrium/contracts';
import { TopicRecorder, waitFor } from '@atrium/testing';
import { ALWAYS_INVALID, countOf, FAIL_TWICE_THEN_SUCCEED } from './counting-handler';
import { MessagingTestApp } from './messaging-test-app';

describe('consumer runner on the real Kafka and FerretDB', () => {
  let harness: MessagingTestApp;
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    harness = await new MessagingTestApp().start();
    deadLetters = await new TopicRecorder(harness.kafka, [deadLetterTopicOf(harness.topic.name)]).start();
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await harness?.stop();
  });

  const counted = (memberId: string) => waitFor(`member ${memberId} to be counted`, async () => countOf(harness.connection, memberId));

  it('gives an event delivered twice exactly one effect', async () => {
    const member = randomUUID();
    const marker = randomUUID();
    const event = harness.registeredEvent(member);
    // Same key: one partition, so once the marker is counted both copies have been seen.
    await harness.produce(member, event, event, harness.registeredEvent(marker));
    await counted(marker);
    expect(await countOf(harness.connection, member)).toBe(1);
  });

  it('dead-letters a malformed message with its reason and source, and goes on with the next', async () => {
    const key = randomUUID();
    const next = randomUUID();
    const [sent] = await harness.produce(key, '{not json');
    await harness.produce(key, harness.registeredEvent(next));

    expect(await counted(next)).toBe(1);
    const letter = await deadLetters.waitForMessage('the malformed message in the dead-letter topic', (m) => m.key === key);
    expect(letter.value).toBe('{not json');
    expect(letter.headers).toMatchObject({
      'dlq-reason': 'message value is not JSON',
      'dlq-error-code': 'contract.violation',
      'dlq-source-topic': harness.topic.name,
      'dlq-source-partition': String(sent.partition),
      'dlq-source-offset': sent.baseOffset,
    });
  });

  it('dead-letters an event whose payload breaks the contract in proto/', async () => {
    const member = randomUUID();
    const withBadPhone = harness.registeredEvent(member).replace('+8613800138000', '12345');
    await harness.produce(member, withBadPhone);
    const letter = await deadLetters.waitForMessage('the event with a bad phone', (m) => m.key === member);
    expect(letter.headers['dlq-reason']).toContain('payload.phone must be a phone number in E.164');
    expect(await countOf(harness.connection, member)).toBeUndefined();
  });

  it('dead-letters at once an event the handler rejects as invalid, with the error code', async () => {
    const member = randomUUID();
    await harness.produce(member, harness.registeredEvent(member, ALWAYS_INVALID));
    const letter = await deadLetters.waitForMessage('the rejected event', (m) => m.key === member);
    expect(letter.headers).toMatchObject({ 'dlq-error-code': 'test.invalid', 'dlq-attempts': '1' });
  });

  it('retries a transient failure with backoff until it succeeds, once', async () => {
    const member = randomUUID();
    await harness.produce(member, harness.registeredEvent(member, FAIL_TWICE_THEN_SUCCEED));
    expect(await counted(member)).toBe(1);
    expect(deadLetters.messages.some((m) => m.key === member)).toBe(false);
  });
});
