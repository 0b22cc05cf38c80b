import { Inject, Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CorporateProgrammeStatus, type CorporateProgrammeChanged } from '@atrium/contracts';
import { LOGGER, type Logger } from '@atrium/observability';
import { CORPORATE_CODE_PATTERN, normalizeCorporateCode, standingOf } from './corporate-code-rules';
import { CorporateCodeNotUsableError, CorporateCodeUnknownError, CorporateProgrammeEventInvalidError } from './corporate-code.errors';
import type { CorporateProgramme, CorporateProgrammeStatus as Status } from './corporate-programme.entity';
import { CorporateProgrammesRepository } from './corporate-programmes.repository';

/** Corporate programme codes: kept from the outreach service's events, checked at registration. */
@Injectable()
export class CorporateCodesService {
  private readonly log: Logger;

  constructor(
    private readonly programmes: CorporateProgrammesRepository,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'corporate-codes' });
  }

  /**
   * Keeps the newest state of a programme. The contract has checked presence and formats;
   * what it cannot say (code form, window order, a status) is checked here and a failure
   * dead-letters the event with its reason.
   */
  async apply(event: CorporateProgrammeChanged): Promise<void> {
    const programme = programmeOf(event);
    const outcome = await this.programmes.apply(programme);
    this.log.info({ programmeId: programme.programmeId, code: programme.code, revision: programme.revision, outcome }, 'corporate programme event');
  }

  /** The programme a typed code belongs to, if it can sign someone up at `now`; a 404 or 409 naming corporateCode otherwise. */
  async usableProgramme(typedCode: string, now: Date): Promise<CorporateProgramme> {
    const code = normalizeCorporateCode(typedCode);
    const programme = CORPORATE_CODE_PATTERN.test(code) ? await this.programmes.findByCode(code) : undefined;
    if (!programme) throw new CorporateCodeUnknownError(code);
    const standing = standingOf(programme, now);
    switch (standing) {
      case 'usable':
        return programme;
      case 'unknown':
        throw new CorporateCodeUnknownError(code);
      case 'suspended':
      case 'not-yet-valid':
      case 'expired':
        throw new CorporateCodeNotUsableError(code, standing, programme);
    }
  }
}

function programmeOf(event: CorporateProgrammeChanged): CorporateProgramme {
  if (!CORPORATE_CODE_PATTERN.test(event.code)) throw new CorporateProgrammeEventInvalidError('code', 'must be 4 to 20 uppercase letters and digits');
  const validFrom = timestampDate(event.validFrom!);
  const validUntil = event.validUntil ? timestampDate(event.validUntil) : undefined;
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) throw new CorporateProgrammeEventInvalidError('validUntil', 'must be after validFrom');
  if (event.revision < 1n || event.revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new CorporateProgrammeEventInvalidError('revision', 'must be a positive revision');
  return {
    programmeId: event.programmeId,
    code: event.code,
    companyId: event.companyId,
    companyName: event.companyName,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    status: statusOf(event.status),
    revision: Number(event.revision),
    changedAt: timestampDate(event.changedAt!),
  };
}

function statusOf(status: CorporateProgrammeStatus): Status {
  switch (status) {
    case CorporateProgrammeStatus.ACTIVE:
      return 'active';
    case CorporateProgrammeStatus.SUSPENDED:
      return 'suspended';
    case CorporateProgrammeStatus.UNSPECIFIED:
      throw new CorporateProgrammeEventInvalidError('status', 'must say whether the programme is active or suspended');
  }
}
