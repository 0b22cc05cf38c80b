import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { SettlementCompletedSchema, SettlementKind, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { DailyRun } from './daily-run.entity';
import type { StoredStatements } from './periods/period-run.entity';

/** `points.settlement-completed`, for the run document's outbox: written with the run's completion. */
@Injectable()
export class SettlementEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  dailyCompleted(run: DailyRun, at: Date): OutboxEntry {
    const { counts } = run;
    return this.completed(run.id, SettlementKind.DAILY, run.day, at, {
      pointsMatured: BigInt(counts.maturedPoints),
      pointsExpired: BigInt(counts.expiredPoints),
      entriesWritten: counts.maturedEntries + counts.expiredEntries,
      reminders: counts.reminders,
      entriesRead: BigInt(counts.entriesRead),
    });
  }

  periodCompleted(runId: string, statements: StoredStatements, entriesRead: number, at: Date): OutboxEntry {
    const { centre } = statements;
    return this.completed(runId, SettlementKind.PERIOD, statements.period, at, {
      netPointsIssued: BigInt(centre.netPointsIssued),
      issuedValueMinor: BigInt(centre.issuedValueMinor),
      tenantsNetMinor: BigInt(centre.tenantsNetMinor),
      liabilityPoints: BigInt(centre.liability.points),
      liabilityValueMinor: BigInt(centre.liability.valueMinor),
      currency: centre.currency,
      tenants: statements.tenants.length,
      entriesRead: BigInt(entriesRead),
    });
  }

  private completed(runId: string, kind: SettlementKind, period: string, at: Date, totals: Record<string, unknown>): OutboxEntry {
    const key = `settlement:${period}`;
    return this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.settlement-completed',
      schema: SettlementCompletedSchema,
      key,
      traceId: runId,
      occurredAt: at,
      payload: { runId, kind, period, completedAt: timestampFromDate(at), ...totals },
    });
  }
}
