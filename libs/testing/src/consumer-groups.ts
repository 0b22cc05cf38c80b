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
    for (const topic of topics) {
      if (!existing.has(topic)) continue;
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId: `${group}.${topic}`, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}
