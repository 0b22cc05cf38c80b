import { Kafka, logLevel } from 'kafkajs';
import { infraEnv } from './infra-env';

/**
 * Places a service's fresh consumer groups (`<group>.<topic>`, one per topic, as the messaging
 * lib names them) at the end of shared topics before the service starts, so a test's service
 * reads only what the test produces, not every earlier run's events.
 */
export async function startConsumerGroupsAtEnd(group: string, topics: readonly string[]): Promise<void> {
  const kafka = new Kafka({ clientId: `test-offsets-${group}`, brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    // All at once: kafkajs joins each group to commit and then idles about 5 s before leaving it.
    await Promise.all(
      topics
        .filter((topic) => existing.has(topic))
        .map(async (topic) => {
          const offsets = await admin.fetchTopicOffsets(topic);
          await admin.setOffsets({ groupId: `${group}.${topic}`, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
        }),
    );
  } finally {
    await admin.disconnect();
  }
}
