import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { cardEarns, currentCardOf } from '../../cards/card-lifecycle';
import { ConsentSummaryResponse } from '../../consent/dto/consent-summary.response';
import { CARD_STATES, type Member } from '../../members/member.entity';
import type { MatchedCard } from '../lookup.service';

/** A member at a glance, as the desk sees a look-up result. */
export class MemberSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '+8613800138000' })
  phone: string;

  @ApiProperty({ description: 'The current card' })
  cardNumber: string;

  @ApiProperty({ enum: CARD_STATES, description: 'State of the current card' })
  cardState: string;

  @ApiProperty({ description: 'Whether the current card earns points' })
  cardEarns: boolean;

  @ApiPropertyOptional({ description: 'For a look-up by card: the card typed, when it is not the current one (lost or replaced)' })
  matchedCardNumber?: string;

  @ApiPropertyOptional({ enum: CARD_STATES, description: 'For a look-up by card: the state of the card typed' })
  matchedCardState?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a look-up by card: the merged record the card typed belonged to (it finds the member it was merged into)' })
  matchedMemberId?: string;

  @ApiProperty({ type: String, nullable: true, description: 'Tier code; null until the tier rules assign one. Points: GET /api/points/accounts/:id' })
  tier: string | null;

  @ApiProperty({ type: ConsentSummaryResponse })
  consent: ConsentSummaryResponse;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  static of(member: Member, matchedCard?: MatchedCard): MemberSummaryResponse {
    const current = currentCardOf(member.cards, member.cardNumber);
    const matched = matchedCard && matchedCard.number !== member.cardNumber ? matchedCard.holder.cards.find((card) => card.number === matchedCard.number) : undefined;
    return {
      id: member.id,
      name: member.name,
      phone: member.phone,
      cardNumber: member.cardNumber,
      cardState: current.state,
      cardEarns: cardEarns(current.state),
      ...(matched ? { matchedCardNumber: matched.number, matchedCardState: matched.state } : {}),
      ...(matched && matchedCard && matchedCard.holder.id !== member.id ? { matchedMemberId: matchedCard.holder.id } : {}),
      tier: member.tier ?? null,
      consent: ConsentSummaryResponse.of(member.consent),
      registeredAt: member.registeredAt.toISOString(),
    };
  }
}

export class MemberLookupResponse {
  @ApiProperty({ type: [MemberSummaryResponse] })
  items: MemberSummaryResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Whether the next page has members' })
  hasMore: boolean;
}
