import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { auditEntryOf } from '../audit/audit-entries';
import { auditChange } from '../audit/audit-masking';
import { cardNumberFor } from '../cards/card-number';
import { CardSequenceRepository } from '../cards/card-sequence.repository';
import type { StaffActor } from '../staff/staff-actor';
import type { RegisterMemberDto } from './dto/register-member.dto';
import type { Language, Member } from './member.entity';
import { CardNumberTakenError, MemberNotFoundError } from './member.errors';
import { MemberEvents } from './member-events';
import { MemberSettings } from './member-settings';
import { MembersRepository } from './members.repository';
import { normalizePhone } from './phone-number';

/** What a shopper gives when signing up themselves (the phone already verified by a code). */
export interface SelfSignUp {
  readonly phone: string;
  readonly name: string;
  readonly preferredLanguage?: Language;
  readonly marketingConsent?: { readonly granted: boolean; readonly wordingVersion: string };
}

/** Draws of a card number before a registration gives up (each draw is a fresh number). */
export const MAX_CARD_DRAWS = 5;

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly cardSequence: CardSequenceRepository,
    private readonly settings: MemberSettings,
  ) {}

  /** Registers a shopper at the desk with a new card; announces `member.registered` and `member.card-issued`. */
  async registerAtDesk(input: RegisterMemberDto, actor?: StaffActor): Promise<Member> {
    // The phone is checked before a card number is spent on a registration that cannot be.
    const phone = normalizePhone(input.phone, this.settings.defaultRegion);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.register({ phone, name: input.name.trim(), channel: 'desk' }, actor);
      } catch (error) {
        if (!(error instanceof CardNumberTakenError) || attempt >= MAX_CARD_DRAWS) throw error;
      }
    }
  }

  /**
   * Registers a shopper who signed up themselves, once their phone is verified by a code
   * (`phone` is the verified E.164 number). Consent given in the sign-up form is recorded as the
   * first step of the member's consent history.
   */
  async registerSelfService(input: SelfSignUp): Promise<Member> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.register({
          phone: input.phone,
          name: input.name.trim(),
          channel: 'self-service',
          ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
          ...(input.marketingConsent
            ? { consent: { granted: input.marketingConsent.granted, channel: 'self-service', wordingVersion: input.marketingConsent.wordingVersion, at: new Date() } }
            : {}),
        });
      } catch (error) {
        if (!(error instanceof CardNumberTakenError) || attempt >= MAX_CARD_DRAWS) throw error;
      }
    }
  }

  private async register(
    details: Pick<Member, 'phone' | 'name' | 'channel'> & Partial<Pick<Member, 'preferredLanguage' | 'consent'>>,
    actor?: StaffActor,
  ): Promise<Member> {
    const registeredAt = new Date();
    const cardNumber = cardNumberFor(this.settings.cardPrefix, await this.cardSequence.next());
    const member: Member = {
      id: randomUUID(),
      ...details,
      cardNumber,
      registeredAt,
      interests: [],
      tags: [],
      cards: [{ number: cardNumber, state: 'active', issuedAt: registeredAt }],
    };
    const audit = actor
      ? auditEntryOf(actor, 'member.registered', [auditChange('phone', undefined, member.phone), auditChange('name', undefined, member.name)], registeredAt)
      : undefined;
    const events = [this.events.registered(member), this.events.cardIssued(member, member.cards[0])];
    if (member.consent) events.push(this.events.consentChanged(member, member.consent));
    await this.members.insert(member, events, audit);
    return member;
  }

  async get(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }
}
