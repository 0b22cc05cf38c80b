/**
 * Whether the carrier (Twilio) blocks the centre's SMS to a phone, as the SMS service reported
 * it (`sms.carrier-block-changed`). Codes cannot reach such a phone, so none is issued to it.
 */
export interface CarrierBlock {
  readonly phone: string;
  readonly blocked: boolean;
  /** When the SMS service learnt of the change; the latest change is the one that holds. */
  readonly changedAt: Date;
}

/**
 * Whether `change` replaces what is known: it does unless an equally new or newer change is
 * known already (a redelivered or late event changes nothing).
 */
export function supersedes(change: CarrierBlock, known: CarrierBlock | undefined): boolean {
  return known === undefined || change.changedAt.getTime() > known.changedAt.getTime();
}
