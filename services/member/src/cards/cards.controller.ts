import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { CardChangeDto, CardFreezeDto } from './dto/card-action.dto';
import { MemberCardsResponse } from './dto/card.response';
import { CardsService } from './cards.service';

/** The member's cards: their history, and what the desk does with the current one. */
@ApiTags('cards')
@ApiNotFoundResponse({ description: 'No such member' })
@Controller('members/:id/cards')
export class CardsController {
  constructor(private readonly cardsService: CardsService) {}

  @Get()
  @ApiOkResponse({ type: MemberCardsResponse })
  async cards(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberCardsResponse> {
    const { member, cards } = await this.cardsService.cardsAcrossMerges(id);
    return MemberCardsResponse.withCards(member, cards);
  }

  @Post('lost')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberCardsResponse, description: 'The current card is lost: it still finds the member, earns nothing; member.card-state-changed' })
  @ApiConflictResponse({ description: 'The card is not active (a frozen card is unfrozen first)' })
  async reportLost(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CardChangeDto, @Staff() actor: StaffActor): Promise<MemberCardsResponse> {
    return MemberCardsResponse.of(await this.cardsService.reportLost(id, body.reason, actor));
  }

  @Post('replacement')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberCardsResponse, description: 'A new current card; member.card-issued and member.card-replaced' })
  @ApiConflictResponse({ description: 'The card is frozen (unfreeze first)' })
  async replace(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CardChangeDto, @Staff() actor: StaffActor): Promise<MemberCardsResponse> {
    return MemberCardsResponse.of(await this.cardsService.replace(id, body.reason, actor));
  }

  @Post('freeze')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberCardsResponse, description: 'The current card is frozen; member.card-state-changed' })
  @ApiConflictResponse({ description: 'The card is not active' })
  async freeze(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CardFreezeDto, @Staff() actor: StaffActor): Promise<MemberCardsResponse> {
    return MemberCardsResponse.of(await this.cardsService.freeze(id, body.reason, actor));
  }

  @Post('unfreeze')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberCardsResponse, description: 'The current card is active again; member.card-state-changed' })
  @ApiConflictResponse({ description: 'The card is not frozen' })
  async unfreeze(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CardFreezeDto, @Staff() actor: StaffActor): Promise<MemberCardsResponse> {
    return MemberCardsResponse.of(await this.cardsService.unfreeze(id, body.reason, actor));
  }
}
