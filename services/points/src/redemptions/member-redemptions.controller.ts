import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RedemptionResponse } from './dto/redemption.response';
import { cancellableUntil } from './redemption-rules';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from './redemption-settings';
import { RedemptionsService } from './redemptions.service';

const MEMBER_LIST_LIMIT = 200;

/** A member's own redemptions and reservations, newest first (for self-service and the desk). */
@ApiTags('redemptions')
@Controller('members/:memberId/redemptions')
export class MemberRedemptionsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    @Inject(REDEMPTION_SETTINGS) private readonly settings: RedemptionSettings,
  ) {}

  @Get()
  @ApiOkResponse({ type: [RedemptionResponse], description: `The member's redemptions, newest first (at most ${MEMBER_LIST_LIMIT})` })
  async list(@Param('memberId', new ParseUUIDPipe()) memberId: string): Promise<RedemptionResponse[]> {
    const redemptions = await this.redemptions.list({ memberId, limit: MEMBER_LIST_LIMIT });
    return redemptions.map((redemption) => RedemptionResponse.of(redemption, cancellableUntil(redemption, this.settings.cancelWindowMs)));
  }
}
