import { Schema } from 'mongoose';
import { outboxField, outboxPendingField, type OutboxEntry } from '@atrium/messaging';
import type { ExpiryReminder } from './expiry-reminder.entity';

/** A stored reminder with the `points.expiring-soon` it announces; private to ExpiryRemindersRepository. */
export type ExpiryReminderDocument = Omit<ExpiryReminder, 'id'> & { _id: string; outbox: OutboxEntry[]; outboxPending?: boolean };

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
    outboxPending: outboxPendingField,
  },
  { collection: 'expiry_reminders', versionKey: false },
);

// Reminders grow with members and expiry dates: the outbox relay finds unpublished ones by their marker.
expiryReminderSchema.index({ outboxPending: 1 });
