import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Campaign } from './campaign.entity';
import { CampaignReports } from './campaign-reports.service';
import { CampaignsService } from './campaigns.service';
import { RejectCampaignDto, ScheduleCampaignDto, TestSendDto } from './dto/campaign-commands.dto';
import { ListCampaignsQuery, RecipientsQuery } from './dto/campaign-queries.dto';
import { CampaignEstimateResponse, CampaignResultsResponse, RecipientsResponse, RecipientView, TestSendResponse } from './dto/campaign-reports.response';
import { CampaignResponse } from './dto/campaign.response';
import { SaveCampaignDto } from './dto/save-campaign.dto';
import { ROLES_HEADER, STAFF_HEADER, type StaffActor } from './staff-actor';
import { Staff } from './staff-actor.decorator';

const ID = 'campaignId';
const id = (): ParseUUIDPipe => new ParseUUIDPipe();

/** Every write needs the gateway's staff headers (401 without); the lifecycle decides the rest (403 who, 409 when). */
@ApiTags('campaigns')
@ApiHeader({ name: STAFF_HEADER, required: false, description: 'Set by the gateway; required on every POST and PUT' })
@ApiHeader({ name: ROLES_HEADER, required: false, description: "Set by the gateway: the caller's roles" })
@ApiUnauthorizedResponse({ description: 'A write without staff identity' })
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: CampaignReports,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: CampaignResponse, description: 'A draft' })
  @ApiBadRequestResponse({ description: 'Unknown segment or template, a kind other than the template’s, a planned time in the past: each names its field' })
  @ApiForbiddenResponse({ description: 'Not campaign staff (specialist, supervisor, admin)' })
  async create(@Body() body: SaveCampaignDto, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return CampaignResponse.of(await this.campaigns.create(SaveCampaignDto.toDraft(body), actor));
  }

  @Get()
  @ApiOkResponse({ type: [CampaignResponse], description: 'Newest first' })
  async list(@Query() query: ListCampaignsQuery): Promise<CampaignResponse[]> {
    return (await this.campaigns.list(query.state)).map((campaign) => CampaignResponse.of(campaign));
  }

  @Get(`:${ID}`)
  @ApiOkResponse({ type: CampaignResponse, description: 'With its history; a sending campaign whose every message is done is completed first' })
  @ApiNotFoundResponse()
  async get(@Param(ID, id()) campaignId: string): Promise<CampaignResponse> {
    return CampaignResponse.of(await this.campaigns.getCurrent(campaignId));
  }

  @Put(`:${ID}`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiBadRequestResponse({ description: 'As for creating' })
  @ApiConflictResponse({ description: 'Not a draft (campaign.wrong-state, e.g. while sending)' })
  async update(@Param(ID, id()) campaignId: string, @Body() body: SaveCampaignDto, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return CampaignResponse.of(await this.campaigns.update(campaignId, SaveCampaignDto.toDraft(body), actor));
  }

  @Post(`:${ID}/submit`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Submitted for approval' })
  @ApiConflictResponse({ description: 'Not a draft, or its template is not approved (campaign.template-not-approved)' })
  async submit(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.submit(campaignId, actor));
  }

  @Post(`:${ID}/withdraw`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Back to draft (the author or a supervisor); approval and schedule void' })
  async withdraw(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.withdraw(campaignId, actor));
  }

  @Post(`:${ID}/approve`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Approved (scheduled at once when the draft had a planned time still ahead)' })
  @ApiForbiddenResponse({ description: 'Not a supervisor (campaign.role-required), or the approver wrote or submitted it (campaign.own-campaign)' })
  @ApiConflictResponse({ description: 'Not submitted, or the template is no longer approved' })
  async approve(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.approve(campaignId, actor));
  }

  @Post(`:${ID}/reject`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Back to draft with the reason' })
  @ApiBadRequestResponse({ description: 'No reason (campaign.reason-required)' })
  async reject(@Param(ID, id()) campaignId: string, @Body() body: RejectCampaignDto, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.reject(campaignId, body.reason, actor));
  }

  @Post(`:${ID}/schedule`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Scheduled (or moved): sending starts at that time' })
  @ApiBadRequestResponse({ description: 'A time in the past or more than 366 days ahead (naming at)' })
  @ApiConflictResponse({ description: 'Not approved or scheduled' })
  async schedule(@Param(ID, id()) campaignId: string, @Body() body: ScheduleCampaignDto, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.schedule(campaignId, new Date(body.at), actor));
  }

  @Post(`:${ID}/unschedule`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Approved again, with no time' })
  async unschedule(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.unschedule(campaignId, actor));
  }

  @Post(`:${ID}/send-now`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Sending: the recipient list is being frozen and handed to delivery' })
  @ApiConflictResponse({ description: 'Not approved or scheduled' })
  async sendNow(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.sendNow(campaignId, actor));
  }

  @Post(`:${ID}/pause`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Paused: unsent messages wait' })
  async pause(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.pause(campaignId, actor));
  }

  @Post(`:${ID}/resume`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse })
  async resume(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.resume(campaignId, actor));
  }

  @Post(`:${ID}/cancel`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignResponse, description: 'Cancelled: nothing more goes out; what went out stays' })
  @ApiConflictResponse({ description: 'Completed or cancelled already' })
  async cancel(@Param(ID, id()) campaignId: string, @Staff() actor: StaffActor): Promise<CampaignResponse> {
    return this.view(this.campaigns.cancel(campaignId, actor));
  }

  @Post(`:${ID}/test-send`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TestSendResponse, description: 'Sent now to the staff phones, filled with test values (no consent, cap or quiet hours)' })
  @ApiBadRequestResponse({ description: 'A number that is not a valid E.164 mobile (phones.0), a language the template lacks' })
  async testSend(@Param(ID, id()) campaignId: string, @Body() body: TestSendDto, @Staff() actor: StaffActor): Promise<TestSendResponse> {
    const sent = await this.campaigns.testSend(campaignId, body.phones, body.language, actor);
    return { language: sent.language, body: sent.body, results: sent.results.map((result) => ({ ...result })) };
  }

  @Get(`:${ID}/estimate`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @ApiOkResponse({ type: CampaignEstimateResponse, description: 'Recipients after eligibility and languages, segments and cost (integer minor units), if sent now' })
  async estimate(@Param(ID, id()) campaignId: string): Promise<CampaignEstimateResponse> {
    return CampaignEstimateResponse.of(await this.reports.estimate(await this.campaigns.get(campaignId)));
  }

  @Get(`:${ID}/results`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @ApiOkResponse({ type: CampaignResultsResponse, description: 'Sent, delivered, failed by error code, excluded by reason, opt-outs caused, segments billed, cost' })
  async results(@Param(ID, id()) campaignId: string): Promise<CampaignResultsResponse> {
    return CampaignResultsResponse.of(await this.reports.results(await this.campaigns.getCurrent(campaignId)));
  }

  @Get(`:${ID}/recipients`)
  @ApiNotFoundResponse({ description: 'No such campaign' })
  @ApiOkResponse({ type: RecipientsResponse, description: 'Per recipient (phones masked), filtered by status or member' })
  async recipients(@Param(ID, id()) campaignId: string, @Query() query: RecipientsQuery): Promise<RecipientsResponse> {
    const page = await this.reports.recipients(await this.campaigns.get(campaignId), {
      ...(query.status ? { status: query.status } : {}),
      ...(query.memberId ? { memberId: query.memberId } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return { total: page.total, items: page.items.map((record) => RecipientView.of(record)) };
  }

  private async view(campaign: Promise<Campaign>): Promise<CampaignResponse> {
    return CampaignResponse.of(await campaign);
  }
}
