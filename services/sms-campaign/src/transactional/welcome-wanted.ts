import { RegistrationChannel, type MemberRegistered } from '@atrium/contracts';

/**
 * Whether a registration calls for the welcome SMS: as the member service decided
 * (`send_welcome`; an import asks for it or not), and for events from before that field, every
 * channel but an import (members of an earlier system know the programme).
 */
export function welcomeWanted(registered: Pick<MemberRegistered, 'sendWelcome' | 'channel'>): boolean {
  return registered.sendWelcome ?? registered.channel !== RegistrationChannel.IMPORT;
}
