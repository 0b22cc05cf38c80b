import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import { Staff } from '../staff/staff-actor.decorator';
import { AgreementDayQueryDto, AgreementQueryDto, AgreementTermsDto, CreateAgreementDto, ReturnAgreementDto, SignOffDto, TerminateAgreementDto } from './dto/agreement-requests.dto';
import { AgreementPageResponse, AgreementResponse } from './dto/agreement.response';
import { AgreementsService } from './agreements.service';

const TERMS_RULES = 'The terms break a rule (agreement.terms-invalid): each field named, e.g. validUntil before validFrom, offers.<n>.tiers.<m> not a tier of the programme, tenantId not in the directory, offers.<n>.offerId not of this agreement';
const NOT_FOUND = 'No agreement has this id';
const WRITERS = 'Only specialists and supervisors write agreements (agreement.role-required)';
const SUPERVISOR = 'Only a supervisor who is not the version\'s author (agreement.role-required, agreement.author-cannot-approve)';
const WRONG_STATUS = 'The latest version is not in the status this needs, or the agreement is terminated (agreement.transition-not-allowed)';
const ID = new ParseUUIDPipe({ version: '4' });

/** Discount agreements with tenants: drafted, approved by a supervisor who did not write them, signed by the tenant. */
@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: AgreementResponse, description: 'Version 1, a draft by the caller; offers get their offerId' })
  @ApiBadRequestResponse({ description: TERMS_RULES })
  @ApiForbiddenResponse({ description: WRITERS })
  async create(@Body() body: CreateAgreementDto, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return AgreementResponse.of(await this.agreements.create(body, actor), this.agreements.today());
  }

  @Get()
  @ApiOkResponse({ type: AgreementPageResponse, description: 'By agreement id; state read for today in the centre' })
  async list(@Query() query: AgreementQueryDto): Promise<AgreementPageResponse> {
    const filter = { ...(query.tenantId ? { tenantId: query.tenantId } : {}), ...(query.activeOn ? { activeOn: query.activeOn } : {}) };
    const { items, ...page } = await this.agreements.list(filter, pageOf(query));
    const today = this.agreements.today();
    return { items: items.map((agreement) => AgreementResponse.of(agreement, today)), ...page };
  }

  @Get(':agreementId')
  @ApiOkResponse({ type: AgreementResponse, description: 'With every version (from version 2 its diff) and the state on `day`' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(@Param('agreementId', ID) id: string, @Query() query: AgreementDayQueryDto): Promise<AgreementResponse> {
    return AgreementResponse.of(await this.agreements.get(id), query.day ?? this.agreements.today());
  }

  @Put(':agreementId/draft')
  @ApiOkResponse({ type: AgreementResponse, description: 'The draft version\'s terms replaced; after approval or signing, a new draft version (an amendment) with its diff' })
  @ApiBadRequestResponse({ description: TERMS_RULES })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: WRONG_STATUS })
  async editDraft(@Param('agreementId', ID) id: string, @Body() body: AgreementTermsDto, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.editDraft(id, body, actor));
  }

  @Post(':agreementId/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AgreementResponse, description: 'The draft is submitted for approval' })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${WRONG_STATUS}; or an offer overlaps an offer in force of the same kind, tenant and tier (agreement.offer-overlaps naming offers.<n>)` })
  async submit(@Param('agreementId', ID) id: string, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.act(id, 'submit', actor));
  }

  @Post(':agreementId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AgreementResponse, description: 'The submitted version is approved' })
  @ApiForbiddenResponse({ description: SUPERVISOR })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${WRONG_STATUS}; or an offer overlaps an offer in force (agreement.offer-overlaps naming offers.<n>)` })
  async approve(@Param('agreementId', ID) id: string, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.act(id, 'approve', actor));
  }

  @Post(':agreementId/return')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AgreementResponse, description: 'The submitted version goes back to draft with the comment' })
  @ApiForbiddenResponse({ description: SUPERVISOR })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: WRONG_STATUS })
  async return(@Param('agreementId', ID) id: string, @Body() body: ReturnAgreementDto, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.act(id, 'return', actor, body.comment));
  }

  @Post(':agreementId/sign')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AgreementResponse, description: 'The tenant\'s sign-off of the approved version is recorded; it comes into force' })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${WRONG_STATUS} (signing needs an approved version); or an offer overlaps an offer in force signed meanwhile (agreement.offer-overlaps naming offers.<n>)` })
  async sign(@Param('agreementId', ID) id: string, @Body() body: SignOffDto, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.sign(id, body, actor));
  }

  @Post(':agreementId/terminate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AgreementResponse, description: 'Ended: the offers hold to lastDay (or validUntil, when earlier)' })
  @ApiForbiddenResponse({ description: 'Only a supervisor terminates (agreement.role-required)' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'No version is in force, or it is terminated already (agreement.transition-not-allowed)' })
  async terminate(@Param('agreementId', ID) id: string, @Body() body: TerminateAgreementDto, @Staff() actor: StaffActor): Promise<AgreementResponse> {
    return this.answer(await this.agreements.terminate(id, body.reason, body.lastDay, actor));
  }

  private answer(agreement: Parameters<typeof AgreementResponse.of>[0]): AgreementResponse {
    return AgreementResponse.of(agreement, this.agreements.today());
  }
}
