import type { TopicDefinition } from '@atrium/contracts';

export interface MessagingOptions {
  /** The service's name: the envelope's producer, the Kafka client id and consumer group. */
  readonly serviceName: string;
  readonly brokers: readonly string[];
  /** Topics this process may publish to or consume from; all of the registry by default. */
  readonly topics?: readonly TopicDefinition[];
  /** Consumer group; the service name by default. Tests use a group of their own. */
  readonly consumerGroup?: string;
  readonly retry?: Partial<RetryPolicy>;
  /** How often the outbox relay looks for unpublished events when nobody nudged it. */
  readonly outboxPollMs?: number;
}

export interface RetryPolicy {
  /** Attempts for one message, the first included, before it goes to the dead-letter topic. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
