import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { ExpiryReminder } from './expiry-reminder.entity';

/** A stored reminder with the `points.expiring-soon` it announces; private to ExpiryRemindersRepository. */
export type ExpiryReminderDocument = Omit<ExpiryReminder, 'id'> & { _id: string; outbox: OutboxEntry[] };

export const EXPIRY_REMINDER_MODEL = 'ExpiryReminder';

export const expiryReminderSchema = new Schema<ExpiryReminderDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    expiryDate: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    points: { type: Number, required: true },
    runId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { collection: 'expiry_reminders', versionKey: false },
);
