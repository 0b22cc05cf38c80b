import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CardIssuedSchema, MemberRegisteredSchema, RegistrationChannel, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory } from '@atrium/messaging';
import { cardNumberFor } from '../cards/card-number';
import { CardSequenceRepository } from '../cards/card-sequence.repository';
import type { RegisterMemberDto } from './dto/register-member.dto';
import type { Member } from './member.entity';
import { CardNumberTakenError, MemberNotFoundError } from './member.errors';
import { MembersRepository } from './members.repository';
import { normalizePhone } from './phone-number';

export const PHONE_DEFAULT_REGION = Symbol('PHONE_DEFAULT_REGION');

/** Draws of a card number before a registration gives up (each draw is a fresh number). */
const MAX_CARD_DRAWS = 5;

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly outbox: OutboxEntryFactory,
    private readonly cardSequence: CardSequenceRepository,
    private readonly settings: { readonly defaultRegion: string; readonly cardPrefix: string },
  ) {}

  /** Registers a shopper at the desk with a new card; announces `member.registered` and `member.card-issued`. */
  async registerAtDesk(input: RegisterMemberDto): Promise<Member> {
    // The phone is checked before a card number is spent on a registration that cannot be.
    const phone = normalizePhone(input.phone, this.settings.defaultRegion);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.register({ phone, name: input.name.trim(), channel: 'desk' });
      } catch (error) {
        if (!(error instanceof CardNumberTakenError) || attempt >= MAX_CARD_DRAWS) throw error;
      }
    }
  }

  private async register(details: Pick<Member, 'phone' | 'name' | 'channel'>): Promise<Member> {
    const member: Member = {
      id: randomUUID(),
      ...details,
      cardNumber: cardNumberFor(this.settings.cardPrefix, await this.cardSequence.next()),
      registeredAt: new Date(),
    };
    const registered = this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.registered',
      schema: MemberRegisteredSchema,
      key: member.id,
      occurredAt: member.registeredAt,
      payload: {
        memberId: member.id,
        phone: member.phone,
        name: member.name,
        channel: RegistrationChannel.DESK,
        registeredAt: timestampFromDate(member.registeredAt),
      },
    });
    const cardIssued = this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.card-issued',
      schema: CardIssuedSchema,
      key: member.id,
      occurredAt: member.registeredAt,
      payload: { memberId: member.id, cardNumber: member.cardNumber, issuedAt: timestampFromDate(member.registeredAt) },
    });
    await this.members.insert(member, [registered, cardIssued]);
    return member;
  }

  async get(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }
}
