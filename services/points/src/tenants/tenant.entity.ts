/** A shop in the centre, as the points service needs it: whether its sales may earn. */
export interface Tenant {
  readonly id: string;
  /** The brand shoppers know (messages name it). */
  readonly name: string;
  /**
   * open: trading (the directory's open or closing), its sales earn; closed: not trading (the
   * directory's fitting-out or closed), its sales are rejected.
   */
  readonly status: 'open' | 'closed';
  /** The directory's revision this copy holds: an event with an older or the same one changes nothing. */
  readonly revision: number;
  readonly updatedAt: Date;
}
