/**
 * Opening points an import brought for one member (the member service's
 * `member.opening-points-granted`), held here until they are in the member's balances.
 */
export interface OpeningGrant {
  /** The member service's deterministic grant id: one credit per grant, however often it arrives. */
  readonly grantId: string;
  readonly memberId: string;
  readonly importId: string;
  readonly points: number;
  /** When the member was imported: the credit's date, from which its expiry is counted. */
  readonly grantedAt: Date;
  /** When this service first received it. */
  readonly receivedAt: Date;
  /** Set once the grant's ledger entry is in the account's balances. */
  readonly appliedAt?: Date;
}
