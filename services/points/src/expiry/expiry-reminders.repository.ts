import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OUTBOX_PENDING_SET, OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { ExpiryReminder } from './expiry-reminder.entity';
import { EXPIRY_REMINDER_MODEL, type ExpiryReminderDocument } from './expiry-reminder.schema';

const DUPLICATE_KEY = 11000;

/**
 * Expiry reminders and their events. A reminder is inserted with its event in one write, keyed
 * by member and expiry date, so a reminder is announced once however often it is made.
 */
@Injectable()
export class ExpiryRemindersRepository implements OnModuleInit {
  constructor(
    @InjectModel(EXPIRY_REMINDER_MODEL) private readonly reminders: Model<ExpiryReminderDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.watch(this.reminders, { marked: true });
  }

  /** Stores the reminder with its event unless one of its id exists; returns the run that made the stored one. */
  async insertIfAbsent(reminder: ExpiryReminder, event: OutboxEntry): Promise<string> {
    const { id, ...rest } = reminder;
    try {
      await this.reminders.collection.insertOne({ _id: id, ...rest, outbox: [event], ...OUTBOX_PENDING_SET } as never);
      this.relay.nudge({ collection: this.reminders.collection.name, ids: [id] });
      return reminder.runId;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    const existing = await this.reminders.findById(id, { runId: 1 }).lean<{ runId: string }>();
    return existing?.runId ?? '';
  }

  async findByMember(memberId: string): Promise<ExpiryReminder[]> {
    const documents = await this.reminders.find({ memberId }, { outbox: 0 }).sort({ expiryDate: 1 }).lean<ExpiryReminderDocument[]>();
    return documents.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
