import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { MemberRegisteredSchema, RegistrationChannel, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory } from '@atrium/messaging';
import type { RegisterMemberDto } from './dto/register-member.dto';
import type { Member } from './member.entity';
import { MemberNotFoundError } from './member.errors';
import { MembersRepository } from './members.repository';
import { normalizePhone } from './phone-number';

export const PHONE_DEFAULT_REGION = Symbol('PHONE_DEFAULT_REGION');

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly outbox: OutboxEntryFactory,
    private readonly defaultRegion: string,
  ) {}

  /** Registers a shopper at the desk and announces `member.registered`. */
  async registerAtDesk(input: RegisterMemberDto): Promise<Member> {
    const member: Member = {
      id: randomUUID(),
      phone: normalizePhone(input.phone, this.defaultRegion),
      name: input.name.trim(),
      channel: 'desk',
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
    await this.members.insert(member, [registered]);
    return member;
  }

  async get(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member) throw new MemberNotFoundError(id);
    return member;
  }
}
