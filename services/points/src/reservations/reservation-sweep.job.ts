import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { RedemptionRecoveryService } from '../redemptions/redemption-recovery.service';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from '../redemptions/redemption-settings';
import { RedemptionsRepository } from '../redemptions/redemptions.repository';
import { RedemptionsService } from '../redemptions/redemptions.service';
import { RewardResources } from '../redemptions/reward-resources';

export const SWEEP_QUEUE = Symbol('RESERVATION_SWEEP_QUEUE');

/** The sweep's queue: one per service database (see RedemptionSettings.namespace). */
export function sweepQueueNameOf(namespace: string): string {
  return `points-reservations.${namespace}`;
}

const SCHEDULER_ID = 'reservation-sweep';
/** Reservations expired per pass; the next pass takes the rest. */
const BATCH = 200;
/** A step begun longer ago than this belongs to a stopped process: a live request finishes within seconds. */
const STALE_STEP_MS = 60_000;

/**
 * Expires reservations nobody collected in time, giving their points and stock back;
 * finishes redemptions a stopped process left half done; trims the stock records' lists of
 * redemption operations that are over. One BullMQ job scheduler for every
 * process (BullMQ keeps one job per period whoever upserts it), so replicas never sweep twice
 * at once; a sweep that fails is simply the next one's work. Expiring is idempotent (a
 * reservation collected or cancelled meanwhile is left alone), so a job run twice is harmless.
 */
@Injectable()
export class ReservationSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private readonly log: Logger;

  constructor(
    @Inject(SWEEP_QUEUE) private readonly queue: Queue,
    private readonly redemptions: RedemptionsRepository,
    private readonly service: RedemptionsService,
    private readonly recovery: RedemptionRecoveryService,
    private readonly resources: RewardResources,
    @Inject(REDEMPTION_SETTINGS) private readonly settings: RedemptionSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reservation-sweep' });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.settings.sweepEveryMs }, { name: SCHEDULER_ID, opts: { removeOnComplete: true, removeOnFail: 100 } });
    this.worker = new Worker(this.queue.name, async () => this.sweep(), { connection: this.queue.opts.connection, prefix: this.queue.opts.prefix, concurrency: 1 });
    this.worker.on('failed', (_job, error) => this.log.warn({ err: error }, 'reservation sweep failed; the next one tries again'));
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'reservation sweep worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** One pass; returns how many reservations it expired. */
  async sweep(now = new Date()): Promise<{ expired: number; recovered: number }> {
    let expired = 0;
    for (const reservation of await this.redemptions.findExpiredReservations(now, BATCH)) {
      try {
        const after = await this.service.cancel(reservation.id, { reason: 'reservation-expired' }, now);
        if (after.status === 'expired') expired++;
      } catch (error) {
        this.log.warn({ err: error, redemptionId: reservation.id }, 'could not expire a reservation; the next sweep tries again');
      }
    }
    const recovered = await this.recovery.finishInterrupted(new Date(now.getTime() - STALE_STEP_MS), now);
    const trimmed = await this.resources.forgetFinished();
    if (expired > 0 || recovered > 0) this.log.info({ expired, recovered, trimmed }, 'reservation sweep');
    return { expired, recovered };
  }
}
