import { databaseNameOf } from '@atrium/service-kit';
import type { MemberConfig } from '../config/env.schema';

/** How the member service's BullMQ jobs run (tier reviews, imports). */
export class JobSettings {
  constructor(
    /**
     * Queue names carry the service's database: a test or a second installation on the same
     * Redis has queues of its own, and never works on jobs whose data it does not have.
     */
    readonly namespace: string,
    /** How long a worker's claim on a job lasts without renewal (JOB_LOCK_SECONDS), in ms. */
    readonly lockMs: number,
  ) {}

  static of(config: Pick<MemberConfig, 'MONGO_DATABASE' | 'JOB_LOCK_SECONDS'>): JobSettings {
    return new JobSettings(config.MONGO_DATABASE ?? databaseNameOf('member'), config.JOB_LOCK_SECONDS * 1000);
  }

  queueName(job: string): string {
    return `member-${job}.${this.namespace}`;
  }
}
