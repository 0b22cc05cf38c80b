import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RecipientsRepository, type RecipientProgress } from './recipients.repository';
import { StatusUpdatesRepository, type StatusUpdate } from './status-updates.repository';

/** A batch is written once this many entries wait, or FLUSH_AFTER_MS after its first one. */
const FLUSH_SIZE = 64;
const FLUSH_AFTER_MS = 20;

interface Waiting {
  readonly progress: RecipientProgress;
  /** A status callback, kept by SID and status beside the recipient's progress. */
  readonly kept?: StatusUpdate;
  readonly done: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * Writes recipients' progress (a SID Twilio answered with, a status callback) in batches: the
 * sending worker's 64 messages in flight and the callbacks coming back for them would otherwise
 * cost a read and a write each, and FerretDB's cost is per statement. Nothing is lost through a
 * crash: every caller's promise settles only once its batch is written, and the caller answers
 * (completes the job, answers Twilio's callback with 204) only then; a batch that fails fails
 * every caller in it (the job is retried and looks its message up at Twilio; a callback is made
 * up for by the status check).
 */
@Injectable()
export class RecipientProgressWriter implements OnApplicationShutdown {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly updates: StatusUpdatesRepository,
  ) {}

  write(progress: RecipientProgress, kept?: StatusUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ progress, ...(kept !== undefined ? { kept } : {}), done: { resolve, reject } });
      if (this.waiting.length >= FLUSH_SIZE) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), FLUSH_AFTER_MS);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const writing = this.writeBatch(batch).finally(() => this.inFlight.delete(writing));
    this.inFlight.add(writing);
  }

  private async writeBatch(batch: readonly Waiting[]): Promise<void> {
    try {
      const kept = batch.flatMap((entry) => (entry.kept !== undefined ? [entry.kept] : []));
      // Kept first: a recipient found later by its SID (an adopted message) reads what came.
      if (kept.length > 0) await this.updates.recordMany(kept);
      await this.recipients.applyProgress(batch.map((entry) => entry.progress));
      for (const entry of batch) entry.done.resolve();
    } catch (error) {
      for (const entry of batch) entry.done.reject(error);
    }
  }
}
