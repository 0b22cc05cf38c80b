import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MemberNotFoundError } from '../members/member.errors';
import { MembersRepository } from '../members/members.repository';
import { pageFrom, type Page, type PageRequest } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import type { Complaint, ComplaintCategory, ComplaintChannel, ComplaintKind, ComplaintStatus } from './complaint.entity';
import { ComplaintClosedError, ComplaintNotFoundError } from './complaint.errors';
import { changeStatus } from './complaint-status';
import { ComplaintsRepository, type ComplaintFilter } from './complaints.repository';

export interface NewComplaint {
  readonly kind: ComplaintKind;
  readonly category: ComplaintCategory;
  readonly channel: ComplaintChannel;
  readonly memberId?: string;
  readonly description: string;
  readonly assignee?: string;
}

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly members: MembersRepository,
  ) {}

  /** Records a complaint or suggestion, open (and assigned, when staff say to whom). */
  async record(input: NewComplaint, actor: StaffActor): Promise<Complaint> {
    if (input.memberId && !(await this.members.exists(input.memberId))) throw new MemberNotFoundError(input.memberId);
    const at = new Date();
    const complaint: Complaint = {
      id: randomUUID(),
      kind: input.kind,
      category: input.category,
      channel: input.channel,
      ...(input.memberId ? { memberId: input.memberId } : {}),
      description: input.description.trim(),
      status: 'open',
      ...(input.assignee ? { assignee: input.assignee } : {}),
      createdAt: at,
      createdBy: actor.staffId,
      updatedAt: at,
      history: [
        { at, by: actor.staffId, action: 'recorded', to: 'open' },
        ...(input.assignee ? [{ at, by: actor.staffId, action: 'assigned' as const, to: input.assignee }] : []),
      ],
    };
    await this.complaints.insert(complaint);
    return complaint;
  }

  async get(id: string): Promise<Complaint> {
    const complaint = await this.complaints.findById(id);
    if (!complaint) throw new ComplaintNotFoundError(id);
    return complaint;
  }

  async list(filter: ComplaintFilter, page: PageRequest): Promise<Page<Complaint>> {
    return pageFrom(await this.complaints.list(filter, { limit: page.limit + 1, offset: page.offset }), page);
  }

  /** Hands the complaint to a staff member (again, if it had one); a closed complaint stays as it is. */
  async assign(id: string, assignee: string, actor: StaffActor): Promise<Complaint> {
    return this.complaints.change(id, (complaint) => {
      if (complaint.status === 'closed') throw new ComplaintClosedError(id);
      const at = new Date();
      return {
        ...complaint,
        assignee,
        updatedAt: at,
        history: [...complaint.history, { at, by: actor.staffId, action: 'assigned', ...(complaint.assignee ? { from: complaint.assignee } : {}), to: assignee }],
      };
    });
  }

  /** Moves the complaint along its statuses (complaint-status.ts); resolving needs the resolution. */
  async changeStatus(id: string, to: ComplaintStatus, resolution: string | undefined, actor: StaffActor): Promise<Complaint> {
    return this.complaints.change(id, (complaint) => {
      const at = new Date();
      const change = changeStatus(complaint, to, at, resolution);
      const next: Record<string, unknown> = {
        ...complaint,
        status: change.status,
        updatedAt: at,
        ...(change.resolution !== undefined ? { resolution: change.resolution } : {}),
        ...(change.resolvedAt ? { resolvedAt: change.resolvedAt } : {}),
        ...(change.timeToResolveSeconds !== undefined ? { timeToResolveSeconds: change.timeToResolveSeconds } : {}),
        ...(change.closedAt ? { closedAt: change.closedAt } : {}),
        history: [...complaint.history, { at, by: actor.staffId, action: 'status-changed', from: complaint.status, to: change.status }],
      };
      for (const field of change.clears) delete next[field];
      return next as unknown as Complaint;
    });
  }
}
