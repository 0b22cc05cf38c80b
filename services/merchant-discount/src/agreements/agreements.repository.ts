import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { PageRequest } from '@atrium/paging';
import type { CalendarDay } from './agreement.entity';
import { AgreementNotFoundError } from './agreement.errors';
import { agreementStatus, daysInForce, type Agreement } from './agreement.record';
import { AGREEMENT_MODEL, type AgreementDocument } from './agreement.schema';

/** Lock names of tenants: every change to a tenant's agreements runs under its tenant's lock. */
const TENANTS = 'agreement-tenants';

export interface AgreementFilter {
  readonly tenantId?: string;
  /** Only agreements whose version in force holds on this day. */
  readonly activeOn?: CalendarDay;
}

@Injectable()
export class AgreementsRepository implements OnModuleInit {
  constructor(
    @InjectModel(AGREEMENT_MODEL) private readonly agreements: Model<AgreementDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.agreements.syncIndexes();
  }

  /** Stores a new agreement under its tenant's lock (so no change of the tenant's other agreements runs past it). */
  async insert(agreement: Agreement): Promise<void> {
    await this.locks.withLocks(TENANTS, [agreement.tenantId], async () => {
      await this.agreements.create(toDocument(agreement));
    });
  }

  /**
   * Changes an agreement under its tenant's lock, so two agreements of one tenant cannot both
   * pass the overlap check at once (and FerretDB v1 would lose one of two concurrent updates):
   * `decide` works out the agreement as it is to be from what is stored now.
   */
  async change(id: string, decide: (agreement: Agreement) => Agreement | Promise<Agreement>): Promise<Agreement> {
    const owner = await this.agreements.findById(id, { tenantId: 1 }).lean<Pick<AgreementDocument, 'tenantId'>>();
    if (!owner) throw new AgreementNotFoundError(id);
    return this.locks.withLocks(TENANTS, [owner.tenantId], async () => {
      const current = await this.findById(id);
      if (!current) throw new AgreementNotFoundError(id);
      const next = await decide(current);
      await this.agreements.replaceOne({ _id: id }, toDocument(next));
      return next;
    });
  }

  async findById(id: string): Promise<Agreement | undefined> {
    const document = await this.agreements.findById(id).lean<AgreementDocument>();
    return document ? toAgreement(document) : undefined;
  }

  /** The tenant's agreements that have a version in force (ended or not). */
  async inForceOfTenant(tenantId: string): Promise<Agreement[]> {
    const documents = await this.agreements.find({ tenantId, inForceFrom: { $exists: true } }).lean<AgreementDocument[]>();
    return documents.map(toAgreement);
  }

  /** One page by id (`limit` as asked: callers ask one more to see if there is a next page). */
  async list(filter: AgreementFilter, page: PageRequest): Promise<Agreement[]> {
    const query: FilterQuery<AgreementDocument> = {};
    if (filter.tenantId) query.tenantId = filter.tenantId;
    if (filter.activeOn) {
      query.inForceFrom = { $lte: filter.activeOn };
      query.inForceUntil = { $gte: filter.activeOn };
    }
    const documents = await this.agreements.find(query).sort({ _id: 1 }).skip(page.offset).limit(page.limit).lean<AgreementDocument[]>();
    return documents.map(toAgreement);
  }
}

function toDocument(agreement: Agreement): AgreementDocument {
  const days = daysInForce(agreement);
  return {
    _id: agreement.id,
    tenantId: agreement.tenantId,
    versions: agreement.versions.map((version) => ({ ...version })),
    ...(agreement.termination ? { termination: { ...agreement.termination } } : {}),
    status: agreementStatus(agreement),
    ...(days ? { inForceFrom: days.validFrom, inForceUntil: days.lastDay } : {}),
    createdAt: agreement.createdAt,
    updatedAt: agreement.updatedAt,
  };
}

function toAgreement(document: AgreementDocument): Agreement {
  return {
    id: document._id,
    tenantId: document.tenantId,
    versions: document.versions.map((version) => ({
      number: version.number,
      terms: version.terms,
      status: version.status,
      author: version.author,
      ...(version.approver ? { approver: version.approver } : {}),
      ...(version.returnComment ? { returnComment: version.returnComment } : {}),
      ...(version.signOff ? { signOff: version.signOff } : {}),
      createdAt: version.createdAt,
      updatedAt: version.updatedAt,
    })),
    ...(document.termination ? { termination: document.termination } : {}),
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}
