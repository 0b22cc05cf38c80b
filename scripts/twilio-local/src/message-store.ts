import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat, truncate } from 'node:fs/promises';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { applyRecordEvent } from './apply-record-event';
import type { MessageDirection, MessageStatus } from './message-resource';
import type { RecordEvent, RecordedMessage } from './recorded-message';

export interface MessageFilter {
  to?: string;
  from?: string;
  status?: MessageStatus;
  direction?: MessageDirection;
  /** Only messages created at or after this instant (creation times are whole seconds, as Twilio's). */
  createdSince?: Date;
  /** Include messages deleted through the API (they stay in the inbox). Default true. */
  includeDeleted?: boolean;
}

/**
 * The endpoint's record of every message: in memory for queries, and appended to
 * `<dataDir>/messages.jsonl` (one change per line) before the API answers, so a message whose
 * creation was answered — or whose answer was lost on purpose — is on disk, and the record
 * survives a restart of the endpoint.
 */
export class MessageStore {
  private readonly records = new Map<string, RecordedMessage>();
  private out: WriteStream;
  /** Settles when a clear() has reopened the file; changes wait for it. */
  private reopened: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {
    this.out = this.openStream();
  }

  /** Opens the record in `dataDir`, replaying what an earlier run wrote. */
  static async open(dataDir: string): Promise<{ store: MessageStore; skippedLines: number }> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, 'messages.jsonl');
    const records = new Map<string, RecordedMessage>();
    let skippedLines = 0;
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists) {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        try {
          applyRecordEvent(records, JSON.parse(line) as RecordEvent);
        } catch {
          // A line cut short by a crash of the endpoint mid-write: the change it held is lost.
          skippedLines += 1;
        }
      }
    }
    const store = new MessageStore(file);
    for (const [sid, record] of records) store.records.set(sid, record);
    return { store, skippedLines };
  }

  get size(): number {
    return this.records.size;
  }

  get(sid: string): RecordedMessage | undefined {
    return this.records.get(sid);
  }

  /** Messages matching the filter, in the order they were recorded. */
  list(filter: MessageFilter = {}): RecordedMessage[] {
    const out: RecordedMessage[] = [];
    for (const record of this.records.values()) {
      const m = record.message;
      if (filter.to !== undefined && m.to !== filter.to) continue;
      if (filter.from !== undefined && m.from !== filter.from) continue;
      if (filter.status !== undefined && m.status !== filter.status) continue;
      if (filter.direction !== undefined && m.direction !== filter.direction) continue;
      if (filter.createdSince !== undefined && Date.parse(m.date_created ?? '') < Math.floor(filter.createdSince.getTime() / 1000) * 1000) continue;
      if (filter.includeDeleted === false && record.deleted) continue;
      out.push(record);
    }
    return out;
  }

  /** Applies a change and resolves once its line is written (false: the message is no longer held). */
  async apply(event: RecordEvent): Promise<boolean> {
    await this.reopened;
    if (!applyRecordEvent(this.records, event)) return false;
    const line = JSON.stringify(event) + '\n';
    const out = this.out;
    await new Promise<void>((resolve, reject) => out.write(line, (error) => (error ? reject(error) : resolve())));
    return true;
  }

  /** Forgets every message, in memory and on disk; returns how many there were. */
  async clear(): Promise<number> {
    await this.reopened;
    const count = this.records.size;
    this.records.clear();
    this.reopened = (async () => {
      await this.closeStream();
      await truncate(this.file, 0);
      this.out = this.openStream();
    })();
    await this.reopened;
    return count;
  }

  async close(): Promise<void> {
    await this.closeStream();
  }

  private openStream(): WriteStream {
    const out = createWriteStream(this.file, { flags: 'a' });
    out.on('error', (error) => {
      // The writes' own callbacks carry the error to their callers; this keeps the process up.
      process.stderr.write(`twilio-local: writing ${this.file} failed: ${error.message}\n`);
    });
    return out;
  }

  private closeStream(): Promise<void> {
    const out = this.out;
    return new Promise((resolve) => out.end(() => resolve()));
  }
}
