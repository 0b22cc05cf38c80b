import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { CardSequenceRepository } from '../cards/card-sequence.repository';
import { deterministicUuid } from '../jobs/deterministic-uuid';
import type { ConsentRecord } from '../members/member.entity';
import { CardNumberTakenError, PhoneAlreadyRegisteredError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MemberSettings } from '../members/member-settings';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import type { StaffActor } from '@atrium/staff-identity';
import { TierSettings } from '../tiers/tier-settings';
import { parseCsv } from '@atrium/csv';
import { ImportSettings } from './import-settings';
import { checkImportRow, repeatedPhones, rowsOfFile, type ImportedMember, type RowProblem } from './import-file';
import { ImportsRepository } from './imports.repository';
import type { ImportRow, MemberImport, RowOutcome } from './member-import.entity';

/** Rows read per page while an import runs. */
const PAGE = 200;

/** The wording version recorded for consent carried over from an earlier system (its wording is not known here). */
export const IMPORTED_CONSENT_WORDING = 'import';

/** What became of one row. */
interface RowResult {
  readonly outcome: RowOutcome;
  readonly memberId?: string;
  readonly problems?: readonly RowProblem[];
}

/**
 * Imports members from an earlier system's CSV export. The file is checked as a whole and
 * stored when it is uploaded; a job then takes it row by row: each good row whose phone is
 * nobody's becomes a member (channel import, the import's id as source) with the card, tier,
 * consent and opening points the file gives. Keyed by phone: a phone that is a member's
 * already is skipped and nothing about that member changes, so importing the same file again
 * creates nobody twice and gives no opening points twice.
 */
@Injectable()
export class ImportsService {
  private readonly log: Logger;

  constructor(
    private readonly imports: ImportsRepository,
    private readonly registration: MembersService,
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly cardSequence: CardSequenceRepository,
    private readonly memberSettings: MemberSettings,
    private readonly tierSettings: TierSettings,
    private readonly settings: ImportSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'imports' });
  }

  /** Checks and stores an uploaded file; throws naming what is wrong with it as a whole. */
  async accept(csv: string, options: { sendWelcome: boolean }, actor: StaffActor): Promise<MemberImport> {
    const { columns, rows } = rowsOfFile(parseCsv(csv, 'member.import-csv-invalid'), this.settings.maxRows);
    const memberImport: MemberImport = {
      id: randomUUID(),
      status: 'queued',
      columns,
      totalRows: rows.length,
      sendWelcome: options.sendWelcome,
      requestedBy: actor.staffId,
      requestedByRoles: [...actor.roles],
      createdAt: new Date(),
    };
    await this.imports.create(memberImport, rows);
    return memberImport;
  }

  find(id: string): Promise<MemberImport | undefined> {
    return this.imports.find(id);
  }

  /** Runs (or resumes) an import to its end: rows that have an outcome already are not done again. */
  async run(importId: string, onProgress: (processed: number, total: number) => Promise<void>): Promise<void> {
    const memberImport = await this.imports.find(importId);
    if (!memberImport || memberImport.status === 'completed' || memberImport.status === 'failed') return;
    await this.imports.start(importId, new Date());
    const region = this.memberSettings.defaultRegion;
    const repeated = repeatedPhones(
      (await this.imports.phones(importId)).map(({ row, phone }) => ({ row, values: { phone }, extraFields: 0 })),
      region,
    );
    const actor: StaffActor = { staffId: memberImport.requestedBy, roles: memberImport.requestedByRoles };
    let after = 0;
    let done = 0;
    for (;;) {
      const page = await this.imports.rowsAfter(importId, after, PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        after = row.row;
        done++;
        if (row.outcome) continue;
        const result = await this.importRow(memberImport, row, repeated.get(row.row), actor);
        await this.imports.recordOutcome(importId, row.row, result);
        if (done % 20 === 0) await onProgress(done, memberImport.totalRows);
      }
    }
    await this.imports.complete(importId, new Date());
    await onProgress(done, memberImport.totalRows);
    this.log.info({ importId, ...(await this.imports.progress(importId)) }, 'import completed');
  }

  async fail(importId: string, reason: string): Promise<void> {
    await this.imports.fail(importId, reason, new Date());
  }

  unfinished(): Promise<MemberImport[]> {
    return this.imports.unfinished();
  }

  private async importRow(memberImport: MemberImport, row: ImportRow, firstRowWithPhone: number | undefined, actor: StaffActor): Promise<RowResult> {
    const check = checkImportRow({ row: row.row, values: row.values ?? {}, extraFields: row.extraFields }, this.tierSettings.tiers, this.memberSettings.defaultRegion);
    const problems = check.ok ? [] : [...check.problems];
    if (firstRowWithPhone !== undefined) problems.push({ column: 'phone', message: `is on row ${firstRowWithPhone} already` });
    if (!check.ok || problems.length > 0) return { outcome: 'failed', problems };
    const wanted = check.member;

    const holder = await this.members.findPhoneHolder(wanted.phone);
    // A member this import made before it stopped (a crash after the write) counts as created.
    if (holder?.channel === 'import' && holder.sourceRef === memberImport.id) return { outcome: 'created', memberId: holder.id };
    if (holder) return { outcome: 'skipped', memberId: (await this.members.resolveLive(holder))?.id ?? holder.id };
    if (wanted.cardNumber && (await this.members.isCardNumberUsed(wanted.cardNumber))) return { outcome: 'failed', problems: [{ column: 'cardNumber', message: 'is a card another member has or had' }] };

    try {
      const member = await this.create(memberImport, wanted, actor);
      return { outcome: 'created', memberId: member.id };
    } catch (error) {
      if (error instanceof PhoneAlreadyRegisteredError) return { outcome: 'skipped', memberId: String(error.details.existingMemberId) };
      if (error instanceof CardNumberTakenError && wanted.cardNumber) return { outcome: 'failed', problems: [{ column: 'cardNumber', message: 'is a card another member has or had' }] };
      throw error;
    }
  }

  private async create(memberImport: MemberImport, wanted: ImportedMember, actor: StaffActor): Promise<{ id: string }> {
    const at = new Date();
    const consent: ConsentRecord | undefined = wanted.consent
      ? { granted: wanted.consent === 'granted', channel: 'import', ...(wanted.consent === 'granted' ? { wordingVersion: IMPORTED_CONSENT_WORDING } : {}), at, recordedBy: actor.staffId }
      : undefined;
    const member = await this.registration.register(
      {
        phone: wanted.phone,
        name: wanted.name,
        channel: 'import',
        sourceRef: memberImport.id,
        ...(consent ? { consent } : {}),
        ...(wanted.cardNumber ? { cardNumber: wanted.cardNumber } : {}),
        ...(wanted.tier
          ? { tier: { code: wanted.tier.code, change: { from: this.tierSettings.lowest.code, to: wanted.tier.code, reason: 'import' as const, at, staffId: actor.staffId, runId: memberImport.id } } }
          : {}),
        extraEvents: (created) =>
          wanted.openingPoints > 0
            ? [this.events.openingPointsGranted(created, { grantId: deterministicUuid(`opening-points:${memberImport.id}:${created.id}`), importId: memberImport.id, points: wanted.openingPoints, at })]
            : [],
        // Members of an earlier system know the programme: welcomed only when the import asks.
        sendWelcome: memberImport.sendWelcome,
        auditAction: 'member.imported',
      },
      actor,
    );
    // A card number the file brings in the centre's own range must never be drawn again.
    if (wanted.cardNumber?.startsWith(this.memberSettings.cardPrefix)) await this.cardSequence.atLeast(wanted.cardNumber);
    return member;
  }
}
