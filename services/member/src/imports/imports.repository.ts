import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ImportFileRow, RowProblem } from './import-file';
import type { ImportProgress, ImportRow, MemberImport, RowOutcome } from './member-import.entity';
import { IMPORT_ROW_MODEL, MEMBER_IMPORT_MODEL, type ImportRowDocument, type MemberImportDocument } from './member-import.schema';

/** Rows written per insertMany. */
const INSERT_CHUNK = 1_000;

/**
 * Imports and their rows. An import's document and each row are written by the one worker
 * that holds the import's job (BullMQ hands a job to one worker at a time), so no lock is
 * needed; counts are read from the rows, so they are exact whenever the job stopped.
 */
@Injectable()
export class ImportsRepository implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_IMPORT_MODEL) private readonly imports: Model<MemberImportDocument>,
    @InjectModel(IMPORT_ROW_MODEL) private readonly rows: Model<ImportRowDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    // One after the other: FerretDB creates a collection's table on its first index.
    await this.imports.syncIndexes();
    await this.rows.syncIndexes();
  }

  /** Stores the rows first, then the import: an import that exists has all its rows. */
  async create(memberImport: MemberImport, rows: readonly ImportFileRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await this.rows.insertMany(
        rows.slice(start, start + INSERT_CHUNK).map((row) => ({ _id: `${memberImport.id}:${row.row}`, importId: memberImport.id, row: row.row, values: row.values, extraFields: row.extraFields })),
        { ordered: false },
      );
    }
    await this.imports.create({ ...withoutId(memberImport), _id: memberImport.id, columns: [...memberImport.columns], requestedByRoles: [...memberImport.requestedByRoles] });
  }

  async find(id: string): Promise<MemberImport | undefined> {
    const document = await this.imports.findById(id).lean<MemberImportDocument>();
    return document ? toImport(document) : undefined;
  }

  async list(limit: number): Promise<MemberImport[]> {
    return (await this.imports.find().sort({ createdAt: -1 }).limit(limit).lean<MemberImportDocument[]>()).map(toImport);
  }

  async unfinished(): Promise<MemberImport[]> {
    return (await this.imports.find({ status: { $in: ['queued', 'running'] } }).lean<MemberImportDocument[]>()).map(toImport);
  }

  /** Rows after `afterRow`, in file order, one page. */
  async rowsAfter(importId: string, afterRow: number, limit: number): Promise<ImportRow[]> {
    const documents = await this.rows.find({ importId, row: { $gt: afterRow } }).sort({ row: 1 }).limit(limit).lean<ImportRowDocument[]>();
    return documents.map(toRow);
  }

  /** Every row's phone as the file has it (to find phones repeated within the file). */
  async phones(importId: string): Promise<{ row: number; phone: string }[]> {
    const documents = await this.rows.find({ importId }, { row: 1, 'values.phone': 1 }).lean<Pick<ImportRowDocument, 'row' | 'values'>[]>();
    return documents.map((document) => ({ row: document.row, phone: document.values?.phone ?? '' }));
  }

  async recordOutcome(importId: string, row: number, outcome: { outcome: RowOutcome; memberId?: string; problems?: readonly RowProblem[] }): Promise<void> {
    await this.rows.updateOne(
      { _id: `${importId}:${row}` },
      { $set: { outcome: outcome.outcome, ...(outcome.memberId ? { memberId: outcome.memberId } : {}), ...(outcome.problems ? { problems: outcome.problems.map((problem) => ({ ...problem })) } : {}) } },
    );
  }

  async progress(importId: string): Promise<ImportProgress> {
    const [created, skipped, failed] = await Promise.all(
      (['created', 'skipped', 'failed'] as const).map((outcome) => this.rows.countDocuments({ importId, outcome })),
    );
    return { processed: created + skipped + failed, created, skipped, failed };
  }

  /** The rows that failed their checks, in file order. */
  async failedRows(importId: string): Promise<ImportRow[]> {
    return (await this.rows.find({ importId, outcome: 'failed' }, { values: 0 }).sort({ row: 1 }).lean<ImportRowDocument[]>()).map(toRow);
  }

  async start(id: string, at: Date): Promise<void> {
    await this.imports.updateOne({ _id: id, status: 'queued' }, { $set: { status: 'running', startedAt: at } });
  }

  /** The import is done: its rows' text (names, phones) is wiped; outcomes and problems stay. */
  async complete(id: string, at: Date): Promise<void> {
    await this.rows.updateMany({ importId: id }, { $unset: { values: 1 } });
    await this.imports.updateOne({ _id: id }, { $set: { status: 'completed', finishedAt: at } });
  }

  async fail(id: string, reason: string, at: Date): Promise<void> {
    await this.imports.updateOne({ _id: id }, { $set: { status: 'failed', failure: reason, finishedAt: at } });
  }
}

function withoutId(memberImport: MemberImport): Omit<MemberImport, 'id'> {
  const { id: _id, ...rest } = memberImport;
  return rest;
}

function toImport(document: MemberImportDocument): MemberImport {
  return {
    id: document._id,
    status: document.status,
    columns: document.columns ?? [],
    totalRows: document.totalRows,
    sendWelcome: document.sendWelcome ?? false,
    requestedBy: document.requestedBy,
    requestedByRoles: document.requestedByRoles ?? [],
    createdAt: document.createdAt,
    ...(document.startedAt ? { startedAt: document.startedAt } : {}),
    ...(document.finishedAt ? { finishedAt: document.finishedAt } : {}),
    ...(document.failure ? { failure: document.failure } : {}),
  };
}

function toRow(document: ImportRowDocument): ImportRow {
  return {
    importId: document.importId,
    row: document.row,
    ...(document.values ? { values: document.values } : {}),
    extraFields: document.extraFields ?? 0,
    ...(document.outcome ? { outcome: document.outcome } : {}),
    ...(document.memberId ? { memberId: document.memberId } : {}),
    ...(document.problems ? { problems: document.problems } : {}),
  };
}
