import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Caller, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffUnknownError } from '../staff/staff.errors';
import { AdjustStockDto } from './dto/adjust-stock.dto';
import { ListRewardsQuery } from './dto/list-rewards.query';
import { PutRewardDto } from './dto/put-reward.dto';
import { RewardResponse } from './dto/reward.response';
import { StockAdjustmentView, StockResponse } from './dto/stock.response';
import { UploadCodesDto } from './dto/upload-codes.dto';
import { UploadCodesResponse } from './dto/upload-codes.response';
import { RewardCatalogueService } from './reward-catalogue.service';
import { RewardsService, type RewardInput } from './rewards.service';

/** The rewards catalogue: staff define rewards and stock; the desk reads what a member may redeem. */
@ApiTags('rewards')
@Controller('rewards')
export class RewardsController {
  constructor(
    private readonly rewards: RewardsService,
    private readonly catalogue: RewardCatalogueService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who defines it' })
  @ApiCreatedResponse({ type: RewardResponse })
  @ApiBadRequestResponse({ description: 'A field is wrong or contradicts another (window, parking hours, funding); nothing written' })
  @ApiNotFoundResponse({ description: 'The funding tenant is not registered' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  async create(@Body() body: PutRewardDto, @Caller() caller: StaffCaller): Promise<RewardResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return RewardResponse.of(await this.rewards.create(inputOf(body), caller.staffId));
  }

  @Put(':rewardId')
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who changes it' })
  @ApiOkResponse({ type: RewardResponse, description: 'Replaced; redemptions already made keep the price and funding they were made with' })
  @ApiConflictResponse({ description: 'The kind would change' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such reward' })
  async replace(@Param('rewardId', new ParseUUIDPipe()) rewardId: string, @Body() body: PutRewardDto, @Caller() caller: StaffCaller): Promise<RewardResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return RewardResponse.of(await this.rewards.replace(rewardId, inputOf(body), caller.staffId));
  }

  @Get()
  @ApiOkResponse({ type: [RewardResponse], description: 'The catalogue (with each gift\'s stock at `location`); with `memberId`, only what the member may redeem at that desk now' })
  @ApiNotFoundResponse({ description: 'With memberId: the member is unknown' })
  async list(@Query() query: ListRewardsQuery): Promise<RewardResponse[]> {
    const lines = query.memberId
      ? await this.catalogue.forMember(query.memberId, query.location)
      : await this.catalogue.list({ ...(query.status ? { status: query.status } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.location ? { location: query.location } : {}) });
    return lines.map((line) => RewardResponse.of(line.reward, line.availability));
  }

  @Get(':rewardId')
  @ApiOkResponse({ type: RewardResponse })
  @ApiNotFoundResponse({ description: 'No such reward' })
  async get(@Param('rewardId', new ParseUUIDPipe()) rewardId: string): Promise<RewardResponse> {
    return RewardResponse.of(await this.rewards.get(rewardId));
  }

  @Get(':rewardId/stock')
  @ApiOkResponse({ type: StockResponse, description: 'A gift\'s stock per desk with every staff change; a voucher\'s code pool counts' })
  @ApiNotFoundResponse({ description: 'No such reward' })
  async stock(@Param('rewardId', new ParseUUIDPipe()) rewardId: string): Promise<StockResponse> {
    const { levels, codes } = await this.rewards.stockLevels(rewardId);
    return codes ? StockResponse.ofPool(rewardId, codes) : StockResponse.ofLevels(rewardId, levels ?? []);
  }

  @Post(':rewardId/stock')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who changes the stock' })
  @ApiCreatedResponse({ type: StockAdjustmentView, description: 'The change with the stock before and after' })
  @ApiConflictResponse({ description: 'It would take the stock below zero (quantity in the problem), or the reward is not a gift' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such reward' })
  async adjustStock(@Param('rewardId', new ParseUUIDPipe()) rewardId: string, @Body() body: AdjustStockDto, @Caller() caller: StaffCaller): Promise<StockAdjustmentView> {
    if (!caller.staffId) throw new StaffUnknownError();
    return StockAdjustmentView.of(await this.rewards.adjustStock(rewardId, { location: body.location, change: body.change, reason: body.reason.trim() }, caller.staffId));
  }

  @Post(':rewardId/codes')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who uploads' })
  @ApiCreatedResponse({ type: UploadCodesResponse, description: 'Codes new to the pool, codes it had already, codes free now' })
  @ApiConflictResponse({ description: 'The reward is not a voucher' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such reward' })
  async uploadCodes(@Param('rewardId', new ParseUUIDPipe()) rewardId: string, @Body() body: UploadCodesDto, @Caller() caller: StaffCaller): Promise<{ added: number; duplicates: number; free: number }> {
    if (!caller.staffId) throw new StaffUnknownError();
    return this.rewards.uploadCodes(rewardId, body.codes, caller.staffId);
  }
}

function inputOf(body: PutRewardDto): RewardInput {
  const description = body.description?.trim();
  return {
    kind: body.kind,
    name: body.name.trim(),
    ...(description ? { description } : {}),
    pointsPrice: body.pointsPrice,
    ...(body.availableFrom ? { availableFrom: new Date(body.availableFrom) } : {}),
    ...(body.availableUntil ? { availableUntil: new Date(body.availableUntil) } : {}),
    tiers: body.tiers ?? [],
    ...(body.limit ? { limit: { quantity: body.limit.quantity, period: body.limit.period } } : {}),
    funding: {
      by: body.funding.by,
      ...(body.funding.tenantId !== undefined ? { tenantId: body.funding.tenantId } : {}),
      ...(body.funding.tenantShareBasisPoints !== undefined ? { tenantShareBasisPoints: body.funding.tenantShareBasisPoints } : {}),
    },
    ...(body.maxHoursPerDay !== undefined ? { maxHoursPerDay: body.maxHoursPerDay } : {}),
    status: body.status ?? 'active',
  };
}
