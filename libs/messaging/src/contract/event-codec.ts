import {
  create,
  createRegistry,
  fromJson,
  toJson,
  type DescMessage,
  type JsonValue,
  type MessageInitShape,
  type MessageShape,
  type Registry,
} from '@bufbuild/protobuf';
import { anyPack, anyUnpack, timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnvelopeSchema, findEventType, type TopicDefinition } from '@atrium/contracts';
import { checkContractRules } from './contract-rules';
import { ContractViolationError } from './contract-violation.error';

/** What a producer says about an event besides its payload. */
export interface EventMetadata {
  readonly eventId: string;
  readonly key: string;
  readonly occurredAt: Date;
  readonly producer: string;
  readonly traceId: string;
}

/** An event as a consumer receives it: the envelope's fields and the decoded payload. */
export interface DecodedEvent<Payload = unknown> extends EventMetadata {
  readonly type: string;
  readonly schemaVersion: number;
  readonly payload: Payload;
}

/**
 * Turns events into the bytes on a topic and back, in protobuf's canonical JSON, checking
 * both the envelope and the payload against their contracts in both directions.
 */
export class EventCodec {
  private readonly registry: Registry;

  constructor(readonly topics: readonly TopicDefinition[]) {
    this.registry = createRegistry(...topics.flatMap((topic) => topic.eventTypes.map((eventType) => eventType.schema)));
  }

  encode<Schema extends DescMessage>(
    topic: TopicDefinition,
    type: string,
    schema: Schema,
    payload: MessageInitShape<Schema>,
    metadata: EventMetadata,
  ): string {
    const eventType = findEventType(topic, type);
    if (!eventType) throw new ContractViolationError(`event type ${type} is not registered on topic ${topic.name}`);
    if (eventType.schema.typeName !== schema.typeName) {
      throw new ContractViolationError(`event type ${type} carries ${eventType.schema.typeName}, not ${schema.typeName}`);
    }
    const message = create(schema, payload);
    this.assertRules(schema, message, 'payload');
    const envelope = create(EnvelopeSchema, {
      eventId: metadata.eventId,
      type,
      occurredAt: timestampFromDate(metadata.occurredAt),
      producer: metadata.producer,
      key: metadata.key,
      traceId: metadata.traceId,
      schemaVersion: eventType.schemaVersion,
      payload: anyPack(schema, message),
    });
    this.assertRules(EnvelopeSchema, envelope, '');
    return JSON.stringify(toJson(EnvelopeSchema, envelope, { registry: this.registry }));
  }

  decode(topic: TopicDefinition, value: Buffer | string | null): DecodedEvent {
    if (value === null || value.length === 0) throw new ContractViolationError('message has no value');
    let json: JsonValue;
    try {
      json = JSON.parse(value.toString()) as JsonValue;
    } catch {
      throw new ContractViolationError('message value is not JSON');
    }
    let envelope: MessageShape<typeof EnvelopeSchema>;
    try {
      envelope = fromJson(EnvelopeSchema, json, { registry: this.registry });
    } catch (error) {
      throw new ContractViolationError(`message does not match the envelope contract (${(error as Error).message})`);
    }
    this.assertRules(EnvelopeSchema, envelope, '');
    const eventType = findEventType(topic, envelope.type);
    if (!eventType) throw new ContractViolationError(`event type ${envelope.type} is not registered on topic ${topic.name}`);
    if (envelope.schemaVersion > eventType.schemaVersion) {
      throw new ContractViolationError(
        `schema version ${envelope.schemaVersion} of ${envelope.type} is newer than this consumer knows (${eventType.schemaVersion})`,
      );
    }
    const payload = envelope.payload && anyUnpack(envelope.payload, eventType.schema);
    if (!payload) throw new ContractViolationError(`payload of ${envelope.type} must be a ${eventType.schema.typeName}`);
    this.assertRules(eventType.schema, payload, 'payload');
    return {
      eventId: envelope.eventId,
      type: envelope.type,
      key: envelope.key,
      occurredAt: timestampDate(envelope.occurredAt!),
      producer: envelope.producer,
      traceId: envelope.traceId,
      schemaVersion: envelope.schemaVersion,
      payload,
    };
  }

  private assertRules(schema: DescMessage, message: MessageShape<DescMessage>, path: string): void {
    const problems = checkContractRules(schema, message, path);
    if (problems.length > 0) throw new ContractViolationError(`${schema.typeName} breaks its contract`, problems);
  }
}
