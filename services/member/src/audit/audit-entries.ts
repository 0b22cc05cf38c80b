import { randomUUID } from 'node:crypto';
import type { StaffActor } from '@atrium/staff-identity';
import type { AuditAction, AuditChange, AuditEntry } from './audit-entry.entity';

/** A new audit entry for what `actor` did; `changes` are already masked (auditChange). */
export function auditEntryOf(actor: StaffActor, action: AuditAction, changes: readonly AuditChange[], at: Date, reason?: string): AuditEntry {
  return {
    id: randomUUID(),
    at,
    staffId: actor.staffId,
    staffRoles: [...actor.roles],
    action,
    changes: [...changes],
    ...(reason ? { reason } : {}),
  };
}
