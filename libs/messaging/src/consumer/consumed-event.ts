import type { DecodedEvent } from '../contract/event-codec';

/** An event as a handler receives it: decoded, validated, with where it came from. */
export interface ConsumedEvent<Payload = unknown> extends DecodedEvent<Payload> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** What a batch handler reports: the events it could not accept, each with its error. */
export interface BatchOutcome {
  readonly rejected: readonly { readonly eventId: string; readonly error: Error }[];
}
