/**
 * Whether the carrier (Twilio) blocks every message from our sender to a phone, as last
 * learnt: blocked by a send refused with error 21610, lifted by the shopper's START. This is
 * a fact about the phone, not a member, and apart from a marketing opt-out (STOP, T, 退訂 to
 * us), which stops campaigns only.
 */
export interface CarrierBlockState {
  readonly blocked: boolean;
  /** When the state was learnt (the refused send, the received reply). */
  readonly changedAt: Date;
}

/** What was just learnt about a phone. */
export interface CarrierBlockChange {
  readonly blocked: boolean;
  readonly at: Date;
}

/**
 * The phone's state after `change`, or undefined when it changes nothing: the same state again
 * (a second refused send, a repeated START), a change older than what is known (a late retry),
 * or a lift of a phone never known to be blocked (most STARTs), so an event is published only
 * for a real change.
 */
export function nextCarrierBlock(current: CarrierBlockState | undefined, change: CarrierBlockChange): CarrierBlockState | undefined {
  if (current === undefined) return change.blocked ? { blocked: true, changedAt: change.at } : undefined;
  if (current.blocked === change.blocked) return undefined;
  if (change.at.getTime() < current.changedAt.getTime()) return undefined;
  return { blocked: change.blocked, changedAt: change.at };
}
