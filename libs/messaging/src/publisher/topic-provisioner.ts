import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopicOf, type TopicDefinition } from '@atrium/contracts';

/**
 * Creates the registry's topics and their dead-letter companions with their partition counts,
 * at start-up, so no topic is ever created implicitly with the broker's defaults.
 * Safe to run from every service and replica at once.
 */
export async function provisionTopics(kafka: Kafka, topics: readonly TopicDefinition[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((topic) => [
      { topic: topic.name, numPartitions: topic.partitions },
      // Dead letters are rare and read by people; they keep the key's partitioning anyway.
      { topic: deadLetterTopicOf(topic.name), numPartitions: topic.partitions },
    ]);
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
      } catch (error) {
        // Another service may have created the same topic a moment ago.
        if (!(error instanceof Error) || !/already exists/i.test(JSON.stringify(error, Object.getOwnPropertyNames(error)))) throw error;
      }
    }
    // A topic another process just created may not have leaders yet; consumers subscribing
    // before then fail with "does not host this topic-partition".
    await waitForLeaders(admin, wanted.map((topic) => topic.topic));
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}

const LEADER_WAIT_MS = 30_000;

async function waitForLeaders(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics have no leader after ${LEADER_WAIT_MS} ms: ${topics.join(', ')}`);
    await sleep(200);
  }
}
