/** How a member was recruited (the member's source). */
export type RegistrationChannel = 'desk' | 'self-service' | 'activity' | 'corporate' | 'import';

/** A member as the rest of the service sees it: a plain object, never a mongoose document. */
export interface Member {
  readonly id: string;
  /** E.164, unique across members. */
  readonly phone: string;
  readonly name: string;
  /** The membership card issued at registration (16 digits, Luhn-checked). */
  readonly cardNumber: string;
  readonly channel: RegistrationChannel;
  /** The activity id or corporate code the member came through, when there is one. */
  readonly sourceRef?: string;
  readonly registeredAt: Date;
}
