import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { SetTierDto } from './dto/set-tier.dto';
import { MemberTierResponse, TierDefinitionResponse } from './dto/tier.response';
import { TiersService } from './tiers.service';

/** The tiers (MEMBER_TIERS) and each member's tier. */
@ApiTags('tiers')
@Controller()
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get('tiers')
  @ApiOkResponse({ type: [TierDefinitionResponse], description: 'The tiers, lowest first' })
  list(): TierDefinitionResponse[] {
    return this.tiers.tiers.map((tier) => TierDefinitionResponse.of(tier));
  }

  @Get('members/:id/tier')
  @ApiOkResponse({ type: MemberTierResponse })
  @ApiNotFoundResponse({ description: 'No such member' })
  async tierOf(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberTierResponse> {
    return MemberTierResponse.of(await this.tiers.view(id));
  }

  @Post('members/:id/tier')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberTierResponse, description: 'The member is in the tier (member.tier-changed, reason staff, when it changed)' })
  @ApiBadRequestResponse({ description: 'Not a tier code' })
  @ApiNotFoundResponse({ description: 'No such member' })
  async setTier(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetTierDto, @Staff() actor: StaffActor): Promise<MemberTierResponse> {
    return MemberTierResponse.of(await this.tiers.setByStaff(id, body.tier, body.reason.trim(), actor));
  }
}
