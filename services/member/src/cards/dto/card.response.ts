import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CARD_STATES, type MemberCard } from '../../members/member.entity';
import { cardEarns } from '../card-lifecycle';

export class CardResponse {
  @ApiProperty({ example: '8800000000000017' })
  number: string;

  @ApiProperty({ enum: CARD_STATES })
  state: string;

  @ApiProperty({ description: 'Whether the member is the card holder now (the card named by the member\'s cardNumber)' })
  current: boolean;

  @ApiProperty({ description: 'Whether sales on this card earn points (only an active card does)' })
  earns: boolean;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  stateChangedAt?: string;

  @ApiPropertyOptional({ description: 'Why the card is in its state, as staff wrote it' })
  stateReason?: string;

  @ApiPropertyOptional({ description: 'The card that replaced this one' })
  replacedBy?: string;

  static of(card: MemberCard, currentNumber: string): CardResponse {
    return {
      number: card.number,
      state: card.state,
      current: card.number === currentNumber,
      earns: cardEarns(card.state),
      issuedAt: card.issuedAt.toISOString(),
      ...(card.stateChangedAt ? { stateChangedAt: card.stateChangedAt.toISOString() } : {}),
      ...(card.stateReason ? { stateReason: card.stateReason } : {}),
      ...(card.replacedBy ? { replacedBy: card.replacedBy } : {}),
    };
  }
}

/** A member's cards: the current one first, then the others newest first. */
export class MemberCardsResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: CardResponse })
  current: CardResponse;

  @ApiProperty({ type: [CardResponse], description: 'Every card the member has had, newest first' })
  cards: CardResponse[];

  static of(member: { id: string; cardNumber: string; cards: readonly MemberCard[] }): MemberCardsResponse {
    const cards = [...member.cards].reverse().map((card) => CardResponse.of(card, member.cardNumber));
    return { memberId: member.id, current: cards.find((card) => card.current)!, cards };
  }
}
