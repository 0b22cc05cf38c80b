import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { RegistrationChannel } from './member.entity';

/** The stored member; private to MembersRepository. */
export interface MemberDocument {
  _id: string;
  phone: string;
  name: string;
  cardNumber: string;
  channel: RegistrationChannel;
  sourceRef?: string;
  registeredAt: Date;
  outbox: OutboxEntry[];
}

export const MEMBER_MODEL = 'Member';

export const memberSchema = new Schema<MemberDocument>(
  {
    _id: { type: String, required: true },
    phone: { type: String, required: true },
    name: { type: String, required: true },
    cardNumber: { type: String, required: true },
    channel: { type: String, required: true },
    sourceRef: { type: String },
    registeredAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { collection: 'members', versionKey: false },
);

// One member per phone number, enforced by the database so two desks cannot race past it.
memberSchema.index({ phone: 1 }, { unique: true });
memberSchema.index({ cardNumber: 1 }, { unique: true });
