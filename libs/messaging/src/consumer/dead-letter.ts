import type { KafkaMessage } from 'kafkajs';

export interface DeadLetterReason {
  readonly reason: string;
  readonly code: string;
  readonly attempts: number;
}

/**
 * The headers a dead letter carries: why it failed and exactly where it came from, so a person
 * can find, fix and replay it. The original key, value and headers are kept unchanged.
 */
export function deadLetterMessage(
  source: { topic: string; partition: number; consumerGroup: string },
  message: KafkaMessage,
  why: DeadLetterReason,
): { key: Buffer | null; value: Buffer | null; headers: Record<string, string | Buffer> } {
  const originalHeaders: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    originalHeaders[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...originalHeaders,
      'dlq-reason': why.reason.slice(0, 2_000),
      'dlq-error-code': why.code,
      'dlq-source-topic': source.topic,
      'dlq-source-partition': String(source.partition),
      'dlq-source-offset': message.offset,
      'dlq-consumer-group': source.consumerGroup,
      'dlq-attempts': String(why.attempts),
      'dlq-failed-at': new Date().toISOString(),
    },
  };
}
