import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { Member } from './member.entity';
import { CardNumberTakenError, PhoneAlreadyRegisteredError } from './member.errors';
import { MEMBER_MODEL, type MemberDocument } from './member.schema';

const DUPLICATE_KEY = 11000;

@Injectable()
export class MembersRepository implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly members: Model<MemberDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.members);
    await this.members.syncIndexes();
  }

  /** Stores a new member and the events announcing it in one write. */
  async insert(member: Member, events: readonly OutboxEntry[]): Promise<void> {
    try {
      await this.members.create({ ...toDocument(member), outbox: [...events] });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const existing = await this.findByPhone(member.phone);
      if (existing) throw new PhoneAlreadyRegisteredError(existing.id);
      throw new CardNumberTakenError(member.cardNumber);
    }
    this.relay.nudge();
  }

  async findById(id: string): Promise<Member | undefined> {
    const document = await this.members.findById(id, { outbox: 0 }).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }

  async findByPhone(phone: string): Promise<Member | undefined> {
    const document = await this.members.findOne({ phone }, { outbox: 0 }).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }
}

function toDocument(member: Member): Omit<MemberDocument, 'outbox'> {
  const { id, ...rest } = member;
  return { _id: id, ...rest };
}

function toMember(document: MemberDocument): Member {
  return {
    id: document._id,
    phone: document.phone,
    name: document.name,
    cardNumber: document.cardNumber,
    channel: document.channel,
    ...(document.sourceRef ? { sourceRef: document.sourceRef } : {}),
    registeredAt: document.registeredAt,
  };
}
