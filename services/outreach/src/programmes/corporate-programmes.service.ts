import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CompaniesService } from '../companies/companies.service';
import { pageFrom, type Page, type PageRequest } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import type { CorporateProgramme, ProgrammeStatus } from './corporate-programme.entity';
import { ProgrammeCodeTakenError, ProgrammeNotFoundError } from './corporate-programme.errors';
import { CorporateProgrammesRepository, type ProgrammeFilter } from './corporate-programmes.repository';
import { generateProgrammeCode, normalizeProgrammeCode } from './programme-code';
import { ProgrammeEvents } from './programme-events';
import { checkValidityWindow } from './programme-validity';

/** Generated codes tried before giving up (each a fresh random one; a clash is rare). */
export const MAX_CODE_DRAWS = 5;

export interface NewProgramme {
  readonly companyId: string;
  /** As staff typed it (any case); generated from the company's name when absent. */
  readonly code?: string;
  /** Now when absent. */
  readonly validFrom?: Date;
  readonly validUntil?: Date;
}

/** A change staff make: only the fields given change; `validUntil: null` removes the end. */
export interface ProgrammeEdit {
  readonly status?: ProgrammeStatus;
  readonly validFrom?: Date;
  readonly validUntil?: Date | null;
}

@Injectable()
export class CorporateProgrammesService {
  constructor(
    private readonly programmes: CorporateProgrammesRepository,
    private readonly companies: CompaniesService,
    private readonly events: ProgrammeEvents,
  ) {}

  /** Makes an active programme and announces it (`outreach.corporate-programme-changed`, revision 1). */
  async create(input: NewProgramme, actor: StaffActor): Promise<CorporateProgramme> {
    // Every input rule is checked before anything is written.
    const givenCode = input.code === undefined ? undefined : normalizeProgrammeCode(input.code);
    const validFrom = input.validFrom ?? new Date();
    checkValidityWindow(validFrom, input.validUntil);
    const company = await this.companies.get(input.companyId, 'companyId');
    for (let draw = 1; ; draw++) {
      const now = new Date();
      const programme: CorporateProgramme = {
        id: randomUUID(),
        code: givenCode ?? generateProgrammeCode(company.name),
        companyId: company.id,
        companyName: company.name,
        validFrom,
        ...(input.validUntil ? { validUntil: input.validUntil } : {}),
        status: 'active',
        revision: 1,
        createdAt: now,
        createdBy: actor.staffId,
        updatedAt: now,
        updatedBy: actor.staffId,
      };
      try {
        await this.programmes.insert(programme, [this.events.changed(programme)]);
        return programme;
      } catch (error) {
        // A code staff chose is theirs to change; a generated one is drawn again.
        if (!(error instanceof ProgrammeCodeTakenError) || givenCode !== undefined || draw >= MAX_CODE_DRAWS) throw error;
      }
    }
  }

  /** Changes status or validity; a change that changes nothing writes and announces nothing. */
  async edit(id: string, edit: ProgrammeEdit, actor: StaffActor): Promise<CorporateProgramme> {
    return this.programmes.change(id, (current) => {
      const validFrom = edit.validFrom ?? current.validFrom;
      const validUntil = edit.validUntil === null ? undefined : (edit.validUntil ?? current.validUntil);
      const status = edit.status ?? current.status;
      checkValidityWindow(validFrom, validUntil);
      const same =
        status === current.status && validFrom.getTime() === current.validFrom.getTime() && validUntil?.getTime() === current.validUntil?.getTime();
      if (same) return undefined;
      const { validUntil: _previousEnd, ...rest } = current;
      const programme: CorporateProgramme = {
        ...rest,
        validFrom,
        ...(validUntil ? { validUntil } : {}),
        status,
        revision: current.revision + 1,
        updatedAt: new Date(),
        updatedBy: actor.staffId,
      };
      return { programme, events: [this.events.changed(programme)] };
    });
  }

  async get(id: string): Promise<CorporateProgramme> {
    const programme = await this.programmes.findById(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    return programme;
  }

  async list(filter: ProgrammeFilter, page: PageRequest): Promise<Page<CorporateProgramme>> {
    const query = filter.code ? { ...filter, code: normalizeProgrammeCode(filter.code) } : filter;
    return pageFrom(await this.programmes.list(query, { ...page, limit: page.limit + 1 }), page);
  }
}
