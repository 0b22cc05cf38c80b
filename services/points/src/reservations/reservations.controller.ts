import { Body, Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RedemptionResponse } from '../redemptions/dto/redemption.response';
import type { Redemption } from '../redemptions/redemption.entity';
import { cancellableUntil } from '../redemptions/redemption-rules';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from '../redemptions/redemption-settings';
import { RedemptionsService } from '../redemptions/redemptions.service';
import { Caller, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffUnknownError } from '../staff/staff.errors';
import { CollectDto } from './dto/collect.dto';
import { ReserveDto } from './dto/reserve.dto';
import { ShopperUnknownError } from './reservation.errors';
import { Shopper, SHOPPER_HEADER } from './shopper-caller';

/**
 * Online reservations: a shopper reserves a gift (its points and the desk's stock are held at
 * once), collects it at the desk, or lets it go; uncollected ones expire (ReservationSweepJob).
 */
@ApiTags('reservations')
@Controller('reservations')
export class ReservationsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    @Inject(REDEMPTION_SETTINGS) private readonly settings: RedemptionSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: SHOPPER_HEADER, required: true, description: 'Set by the gateway\'s shopper routes: the signed-in member' })
  @ApiCreatedResponse({ type: RedemptionResponse, description: 'Reserved: points and stock held until expiresAt, with the code to show at the desk' })
  @ApiUnauthorizedResponse({ description: 'No shopper' })
  @ApiConflictResponse({ description: 'Not enough points, out of stock, tier not allowed, limit reached, outside the window; nothing taken' })
  async reserve(@Body() body: ReserveDto, @Shopper() memberId: string | undefined): Promise<RedemptionResponse> {
    if (!memberId) throw new ShopperUnknownError();
    return this.response(await this.redemptions.redeem({ memberId, rewardId: body.rewardId, location: body.location, ...(body.quantity ? { quantity: body.quantity } : {}) }, { channel: 'online' }));
  }

  @Post(':redemptionId/collect')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the desk staff member handing it over' })
  @ApiOkResponse({ type: RedemptionResponse, description: 'Collected; it may be cancelled within the window from now' })
  @ApiConflictResponse({ description: 'Expired (points and stock went back), not reserved any more, or held at another desk' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such reservation' })
  async collect(@Param('redemptionId', new ParseUUIDPipe()) redemptionId: string, @Body() body: CollectDto, @Caller() caller: StaffCaller): Promise<RedemptionResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return this.response(await this.redemptions.collect(redemptionId, caller.staffId, body.location));
  }

  @Post(':redemptionId/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: SHOPPER_HEADER, required: false, description: 'Set by the gateway\'s shopper routes: the member letting their reservation go' })
  @ApiHeader({ name: STAFF_HEADER, required: false, description: 'Set by the gateway: a staff member cancelling it for the member' })
  @ApiOkResponse({ type: RedemptionResponse, description: 'Cancelled: points and stock given back' })
  @ApiConflictResponse({ description: 'Collected already, or cancelled or expired already' })
  @ApiUnauthorizedResponse({ description: 'Neither staff nor a signed-in shopper' })
  @ApiNotFoundResponse({ description: 'No such reservation' })
  async cancel(@Param('redemptionId', new ParseUUIDPipe()) redemptionId: string, @Shopper() memberId: string | undefined, @Caller() caller: StaffCaller): Promise<RedemptionResponse> {
    if (caller.staffId) return this.response(await this.redemptions.cancel(redemptionId, { reason: 'staff', staffId: caller.staffId }));
    if (!memberId) throw new ShopperUnknownError();
    return this.response(await this.redemptions.cancel(redemptionId, { reason: 'shopper', memberId }));
  }

  private response(redemption: Redemption): RedemptionResponse {
    return RedemptionResponse.of(redemption, cancellableUntil(redemption, this.settings.cancelWindowMs));
  }
}
