import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccountsRepository } from '../accounts/accounts.repository';
import { Caller, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffUnknownError } from '../staff/staff.errors';
import { CancelRedemptionDto } from './dto/cancel-redemption.dto';
import { ListRedemptionsQuery } from './dto/list-redemptions.query';
import { RedeemDto } from './dto/redeem.dto';
import { RedemptionSlipResponse } from './dto/redemption-slip.response';
import { RedemptionResponse } from './dto/redemption.response';
import { normaliseRedemptionCode } from './redemption-code';
import type { Redemption } from './redemption.entity';
import { cancellableUntil } from './redemption-rules';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from './redemption-settings';
import { slipOf, type RedemptionSlip } from './redemption-slip';
import { RedemptionsService } from './redemptions.service';

/** Redemption at the desk (積分換禮, 停車優惠): redeem for a member, look up, print the slip, cancel. */
@ApiTags('redemptions')
@Controller('redemptions')
export class RedemptionsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly accounts: AccountsRepository,
    @Inject(REDEMPTION_SETTINGS) private readonly settings: RedemptionSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the desk staff member' })
  @ApiCreatedResponse({ type: RedemptionResponse, description: 'Redeemed: points and stock taken together, with its code' })
  @ApiBadRequestResponse({ description: 'A field missing or wrong for the reward\'s kind, a plate of no known format, more hours than the daily maximum; nothing taken' })
  @ApiNotFoundResponse({ description: 'Unknown member or reward (the field is named)' })
  @ApiConflictResponse({ description: 'Not enough points, out of stock, tier not allowed, limit reached, outside the availability window, the plate\'s hours used up, member frozen; nothing taken' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  async redeem(@Body() body: RedeemDto, @Caller() caller: StaffCaller): Promise<RedemptionResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return this.response(await this.redemptions.redeem(body, { channel: 'desk', staffId: caller.staffId }));
  }

  @Get()
  @ApiOkResponse({ type: [RedemptionResponse], description: 'Newest first' })
  async list(@Query() query: ListRedemptionsQuery): Promise<RedemptionResponse[]> {
    const { limit, code, ...filter } = query;
    const redemptions = await this.redemptions.list({ ...filter, ...(code ? { code: normaliseRedemptionCode(code) } : {}), limit: limit ?? 100 });
    return redemptions.map((redemption) => this.response(redemption));
  }

  @Get(':redemptionId')
  @ApiOkResponse({ type: RedemptionResponse })
  @ApiNotFoundResponse({ description: 'No such redemption' })
  async get(@Param('redemptionId', new ParseUUIDPipe()) redemptionId: string): Promise<RedemptionResponse> {
    return this.response(await this.redemptions.get(redemptionId));
  }

  @Get(':redemptionId/receipt')
  @ApiOkResponse({ type: RedemptionSlipResponse, description: 'What the printed slip shows: code, time on the centre\'s clock, desk, member (masked), lines, points, balance after, voucher codes or parking, cancellation' })
  @ApiNotFoundResponse({ description: 'No such redemption' })
  async receipt(@Param('redemptionId', new ParseUUIDPipe()) redemptionId: string): Promise<RedemptionSlip> {
    const redemption = await this.redemptions.get(redemptionId);
    const account = await this.accounts.findByMemberId(redemption.memberId);
    return slipOf(redemption, account, this.settings.timeZone, cancellableUntil(redemption, this.settings.cancelWindowMs));
  }

  @Post(':redemptionId/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the desk staff member' })
  @ApiOkResponse({ type: RedemptionResponse, description: 'Cancelled: points and stock given back (a voucher\'s codes are void)' })
  @ApiConflictResponse({ description: 'Outside the cancellation window (cancelWindowMinutes, cancellableUntil), cancelled already, or still in progress' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such redemption' })
  async cancel(@Param('redemptionId', new ParseUUIDPipe()) redemptionId: string, @Body() body: CancelRedemptionDto, @Caller() caller: StaffCaller): Promise<RedemptionResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    const note = body.note?.trim();
    return this.response(await this.redemptions.cancel(redemptionId, { reason: 'staff', staffId: caller.staffId, ...(note ? { note } : {}) }));
  }

  private response(redemption: Redemption): RedemptionResponse {
    return RedemptionResponse.of(redemption, cancellableUntil(redemption, this.settings.cancelWindowMs));
  }
}
