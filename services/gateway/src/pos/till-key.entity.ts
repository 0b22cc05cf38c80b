/** A till's API key as the gateway knows it (without its secret). */
export interface TillKey {
  readonly keyId: string;
  readonly tenantId: string;
  readonly label: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt?: Date;
}
