import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { LOGGER, type Logger } from '@atrium/observability';
import { EventPublisher } from '../publisher/event-publisher';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import type { OutboxEntry } from './outbox-entry';
import { HAS_PENDING_MARKER, HAS_PENDING_OUTBOX } from './outbox-field';

const BATCH_SIZE = 200;

/** How often every watched collection is searched for entries no nudge announced. */
const DEFAULT_SEARCH_EVERY_MS = 5_000;

/**
 * A marked collection is also searched without its marker at the first search, then at every
 * 120th (every 10 minutes at the default interval): the safety net for entries written
 * without the marker (by a bug, or before it existed), at the price of one full scan.
 */
const SEARCHES_PER_FULL_SEARCH = 120;

interface DocumentWithOutbox {
  _id: unknown;
  outbox: OutboxEntry[];
}

/**
 * Publishes the events waiting in documents' `outbox` arrays, then removes them.
 * A crash between the write and the publish, or between the publish and the removal, loses
 * nothing: the entry stays until it has been published, and a second publish of the same
 * event id is dropped by every consumer's inbox. Runs in every replica; they may publish the
 * same entry twice, never zero times.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly models = new Set<Model<DocumentWithOutbox>>();
  /** Watched collections whose writers set the outbox marker (see outboxPendingField). */
  private readonly marked = new Set<Model<DocumentWithOutbox>>();
  private searches = 0;
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  /** Documents writers said they added entries to, by collection, not yet published from. */
  private written = new Map<string, Set<string>>();
  /** Whether the next drain searches every watched collection for pending entries. */
  private searchWanted = false;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly locks: DocumentLocks,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'outbox-relay' });
  }

  /**
   * Called by each repository whose collection carries an outbox. `marked`: its writers set
   * `outboxPending` with every entry they add, so the relay searches by the marker.
   */
  watch<Document extends { outbox: OutboxEntry[] }>(model: Model<Document>, options: { marked?: boolean } = {}): void {
    const watched = model as unknown as Model<DocumentWithOutbox>;
    this.models.add(watched);
    if (options.marked) this.marked.add(watched);
  }

  /**
   * Asks for a publish now; a write that just added entries calls this to cut latency. With
   * `written` (the collection and the ids of the documents it added entries to), only those
   * documents are read, by `_id`. Without it, every watched collection is searched for
   * pending entries: a query FerretDB runs by reading the whole collection (docs/adr/0004),
   * so writers on busy paths say what they wrote.
   */
  nudge(written?: { readonly collection: string; readonly ids: Iterable<string> }): void {
    if (this.stopped) return;
    if (written) {
      const ids = this.written.get(written.collection) ?? new Set<string>();
      for (const id of written.ids) ids.add(id);
      this.written.set(written.collection, ids);
    } else {
      this.searchWanted = true;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainUntilEmpty().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  onApplicationBootstrap(): void {
    // The search finds what no nudge announced: entries a stopped process left, or a writer
    // that did not say what it wrote.
    const every = this.options.outboxPollMs ?? DEFAULT_SEARCH_EVERY_MS;
    this.timer = setInterval(() => this.nudge(), every);
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Publishes what writers announced, and everything pending when a search is due; returns how many events. */
  async drain(): Promise<number> {
    let published = 0;
    const written = this.written;
    this.written = new Map();
    for (const [collection, ids] of written) {
      const model = [...this.models].find((candidate) => candidate.collection.name === collection);
      if (!model) {
        this.log.warn({ collection }, 'nudged for a collection the relay does not watch; searching all');
        this.searchWanted = true;
        continue;
      }
      for (const id of ids) published += await this.publishFrom(model, id);
    }
    if (!this.searchWanted) return published;
    this.searchWanted = false;
    this.searches += 1;
    // The first search is a full one too: entries a process stopped before the marker existed.
    const fullSearch = this.searches % SEARCHES_PER_FULL_SEARCH === 1;
    for (const model of this.models) {
      const byMarker = this.marked.has(model) && !fullSearch;
      const pending = await model.find(byMarker ? HAS_PENDING_MARKER : HAS_PENDING_OUTBOX, { _id: 1 }).limit(BATCH_SIZE).lean<{ _id: unknown }[]>();
      for (const { _id } of pending) published += await this.publishFrom(model, _id);
      // A full page: there may be more; search again in the next round.
      if (pending.length === BATCH_SIZE) this.searchWanted = true;
    }
    return published;
  }

  /** Publishes one document's pending entries and removes them; how many. */
  private async publishFrom(model: Model<DocumentWithOutbox>, id: unknown): Promise<number> {
    // Under the document's lock: the feature owning the document may be updating it, and
    // FerretDB would lose one of two concurrent updates (DocumentLocks).
    return this.locks.withLocks(model.collection.name, [String(id)], async () => {
      const document = await model.findById(id, { outbox: 1, outboxPending: 1 }).lean<DocumentWithOutbox & { outboxPending?: boolean }>();
      if (!document) return 0;
      // Every entry is read under the lock, so once they are out nothing is pending any more.
      const clearMarker = document.outboxPending ? { $unset: { outboxPending: 1 } } : {};
      if (!document.outbox || document.outbox.length === 0) {
        if (document.outboxPending) await model.updateOne({ _id: document._id }, clearMarker);
        return 0;
      }
      await this.publisher.publish(document.outbox);
      // $pullAll with the exact entries read: FerretDB ignores $pull with a condition.
      await model.updateOne({ _id: document._id }, { $pullAll: { outbox: document.outbox }, ...clearMarker });
      return document.outbox.length;
    });
  }

  private async drainUntilEmpty(): Promise<void> {
    try {
      while (!this.stopped && (await this.drain()) > 0) {
        // keep going while there is a backlog
      }
    } catch (error) {
      // Kafka or the database is away; the entries stay and the next tick tries again.
      this.log.warn({ err: error }, 'outbox relay could not publish; will retry');
    }
  }
}
