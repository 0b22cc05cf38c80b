import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';

/** How long a graceful stop may take before the process ends anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Ends the process if a graceful stop (SIGTERM) has not finished in time. Seen here: a Kafka
 * consumer that is working through a long backlog (a new consumer group on a busy topic)
 * can keep its disconnect waiting for good, so the process never exits and a deployment or a
 * test waits for it. Ending it is as safe as a crash: the outbox, the inbox and the jobs'
 * saved progress are built for that. The timer does not keep the process alive by itself.
 */
@Injectable()
export class ShutdownDeadline implements BeforeApplicationShutdown, OnApplicationShutdown {
  private deadline?: NodeJS.Timeout;

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.deadline = setTimeout(() => {
      this.logger.warn({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'graceful stop took too long; ending the process');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    this.deadline.unref();
  }

  /** The stop finished in time: nothing to end (an app closed inside a test runner must not end the runner). */
  onApplicationShutdown(): void {
    clearTimeout(this.deadline);
  }
}
