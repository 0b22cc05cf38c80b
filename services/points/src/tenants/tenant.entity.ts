/** A shop in the centre, as the points service needs it: whether its sales may earn. */
export interface Tenant {
  readonly id: string;
  readonly name: string;
  /** A closed tenant's sales are rejected. */
  readonly status: 'open' | 'closed';
  readonly updatedAt: Date;
}
