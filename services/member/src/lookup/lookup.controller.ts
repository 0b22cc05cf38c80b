import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import { LookupQueryDto } from './dto/lookup-query.dto';
import { MemberLookupResponse, MemberSummaryResponse } from './dto/member-summary.response';
import { LookupService } from './lookup.service';

@ApiTags('look-up')
@Controller('members')
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  @Get()
  @ApiOkResponse({ type: MemberLookupResponse, description: 'Members at a glance: tier, card state, consent. Empty when nobody matches.' })
  @ApiBadRequestResponse({ description: 'Not exactly one of phone, card, name; a phone or card number that cannot be one' })
  async find(@Query() query: LookupQueryDto): Promise<MemberLookupResponse> {
    const { items, limit, offset, hasMore, matchedCard } = await this.lookup.find({ phone: query.phone, card: query.card, name: query.name }, pageOf(query));
    return { items: items.map((member) => MemberSummaryResponse.of(member, matchedCard)), limit, offset, hasMore };
  }
}
