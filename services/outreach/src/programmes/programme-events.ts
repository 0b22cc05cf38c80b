import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CorporateProgrammeChangedSchema, CorporateProgrammeStatus, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { CorporateProgramme, ProgrammeStatus } from './corporate-programme.entity';

/**
 * The outreach service's events, made as outbox entries to be written with the change they
 * announce. Keyed by the company id: one company's programmes stay in order.
 */
@Injectable()
export class ProgrammeEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  /** The programme's whole current state: a consumer overwrites its copy when the revision is newer. */
  changed(programme: CorporateProgramme): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.outreachEvents,
      type: 'outreach.corporate-programme-changed',
      schema: CorporateProgrammeChangedSchema,
      key: programme.companyId,
      occurredAt: programme.updatedAt,
      payload: {
        programmeId: programme.id,
        code: programme.code,
        companyId: programme.companyId,
        companyName: programme.companyName,
        validFrom: timestampFromDate(programme.validFrom),
        ...(programme.validUntil ? { validUntil: timestampFromDate(programme.validUntil) } : {}),
        status: statusOf(programme.status),
        revision: BigInt(programme.revision),
        changedAt: timestampFromDate(programme.updatedAt),
      },
    });
  }
}

function statusOf(status: ProgrammeStatus): CorporateProgrammeStatus {
  switch (status) {
    case 'active':
      return CorporateProgrammeStatus.ACTIVE;
    case 'suspended':
      return CorporateProgrammeStatus.SUSPENDED;
  }
}
