import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OutboxEntry } from '@atrium/messaging';
import { auditEntryOf } from '../audit/audit-entries';
import type { AuditAction } from '../audit/audit-entry.entity';
import { auditChange } from '../audit/audit-masking';
import { cardNumberFor } from '../cards/card-number';
import { CardSequenceRepository } from '../cards/card-sequence.repository';
import { CorporateCodesService } from '../corporate-codes/corporate-codes.service';
import type { StaffActor } from '@atrium/staff-identity';
import type { TierChange } from '../tiers/tier.entity';
import type { DeskRegistrationDto } from './dto/desk-registration.dto';
import type { RegisterMemberDto } from './dto/register-member.dto';
import type { ConsentRecord, Language, Member, RegistrationChannel } from './member.entity';
import { CardNumberTakenError, CorporateCodeWithoutChannelError, MemberNotFoundError } from './member.errors';
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

/** A new member as a registration channel hands it over; the phone is in E.164 already. */
export interface NewMember {
  readonly phone: string;
  readonly name: string;
  readonly channel: RegistrationChannel;
  /** The activity id, corporate code or import id the member came through. */
  readonly sourceRef?: string;
  /** Channel corporate: the company whose programme code is the sourceRef. */
  readonly sourceCompanyId?: string;
  readonly preferredLanguage?: Language;
  readonly consent?: ConsentRecord;
  /** A card number the member brings (import); checked and free. Without one a new number is drawn. */
  readonly cardNumber?: string;
  /** A tier the member starts in (import), with its history entry. */
  readonly tier?: { readonly code: string; readonly change: TierChange };
  /** The id to give the member (an import that must know it before the write); a new UUID otherwise. */
  readonly id?: string;
  /** Events of the channel, written with the registration (after registered and card-issued). */
  readonly extraEvents?: (member: Member) => readonly OutboxEntry[];
  /** Whether the SMS service welcomes the member (member.registered's send_welcome); true unless said otherwise. */
  readonly sendWelcome?: boolean;
  /** The audit action when staff register (member.registered by default). */
  readonly auditAction?: Extract<AuditAction, 'member.registered' | 'member.imported'>;
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
    private readonly corporateCodes: CorporateCodesService,
  ) {}

  /**
   * Registers a shopper at the desk with a new card; announces `member.registered` and
   * `member.card-issued`. With a corporate programme code (channel corporate) the code must
   * belong to a programme that is active and inside its window now: the code (as outreach
   * stores it) becomes the member's source and the programme's company is recorded with it.
   */
  async registerAtDesk(input: DeskRegistrationDto, actor?: StaffActor): Promise<Member> {
    // The phone is checked before a card number is spent on a registration that cannot be.
    const phone = normalizePhone(input.phone, this.settings.defaultRegion);
    const { channel, corporateCode } = input;
    if (channel === 'desk' && corporateCode !== undefined) throw new CorporateCodeWithoutChannelError();
    if (corporateCode === undefined) return this.register({ phone, name: input.name.trim(), channel: 'desk' }, actor);
    const programme = await this.corporateCodes.usableProgramme(corporateCode, new Date());
    return this.register({ phone, name: input.name.trim(), channel: 'corporate', sourceRef: programme.code, sourceCompanyId: programme.companyId }, actor);
  }

  /** Registers a shopper who signed up at a member activity (會員活動): the activity is the member's source. */
  async registerAtActivity(input: RegisterMemberDto & { readonly activityId: string }, actor: StaffActor): Promise<Member> {
    const phone = normalizePhone(input.phone, this.settings.defaultRegion);
    return this.register({ phone, name: input.name.trim(), channel: 'activity', sourceRef: input.activityId.trim() }, actor);
  }

  /**
   * Registers a shopper who signed up themselves, once their phone is verified by a code
   * (`phone` is the verified E.164 number). Consent given in the sign-up form is recorded as the
   * first step of the member's consent history.
   */
  async registerSelfService(input: SelfSignUp): Promise<Member> {
    return this.register({
      phone: input.phone,
      name: input.name.trim(),
      channel: 'self-service',
      ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
      ...(input.marketingConsent
        ? { consent: { granted: input.marketingConsent.granted, channel: 'self-service', wordingVersion: input.marketingConsent.wordingVersion, at: new Date() } }
        : {}),
    });
  }

  /**
   * Registers a member through any channel: one insert with its events. A drawn card number
   * that turns out taken is drawn again; a given one that is taken is the caller's problem
   * (CardNumberTakenError). A phone some record holds is a 409 naming the member it finds.
   */
  async register(details: NewMember, actor?: StaffActor): Promise<Member> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insertOnce(details, actor);
      } catch (error) {
        if (!(error instanceof CardNumberTakenError) || details.cardNumber !== undefined || attempt >= MAX_CARD_DRAWS) throw error;
      }
    }
  }

  async get(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }

  private async insertOnce(details: NewMember, actor: StaffActor | undefined): Promise<Member> {
    const registeredAt = new Date();
    const cardNumber = details.cardNumber ?? cardNumberFor(this.settings.cardPrefix, await this.cardSequence.next());
    const member: Member = {
      id: details.id ?? randomUUID(),
      status: 'active',
      mergedFrom: [],
      phone: details.phone,
      name: details.name,
      channel: details.channel,
      ...(details.sourceRef ? { sourceRef: details.sourceRef } : {}),
      ...(details.sourceCompanyId ? { sourceCompanyId: details.sourceCompanyId } : {}),
      ...(details.preferredLanguage ? { preferredLanguage: details.preferredLanguage } : {}),
      ...(details.consent ? { consent: details.consent } : {}),
      ...(details.tier ? { tier: details.tier.code } : {}),
      cardNumber,
      registeredAt,
      interests: [],
      tags: [],
      cards: [{ number: cardNumber, state: 'active', issuedAt: registeredAt }],
    };
    const audit = actor
      ? auditEntryOf(
          actor,
          details.auditAction ?? 'member.registered',
          [auditChange('phone', undefined, member.phone), auditChange('name', undefined, member.name), ...(details.tier ? [auditChange('tier', undefined, details.tier.code)] : [])],
          registeredAt,
        )
      : undefined;
    const events = [this.events.registered(member, details.sendWelcome ?? true), this.events.cardIssued(member, member.cards[0])];
    if (member.consent) events.push(this.events.consentChanged(member, member.consent));
    if (details.tier) events.push(this.events.tierChanged(member, details.tier.change));
    events.push(...(details.extraEvents?.(member) ?? []));
    await this.members.insert(member, events, audit, details.tier?.change);
    return member;
  }
}
