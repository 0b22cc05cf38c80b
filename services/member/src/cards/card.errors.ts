import { ConflictError } from '@atrium/errors';
import type { CardState } from '../members/member.entity';

/** The member's current card is not in a state that allows the change asked for. */
export class CardStateConflictError extends ConflictError {
  constructor(cardNumber: string, state: CardState, wanted: string, hint: string) {
    super('member.card-state-conflict', `Card ${cardNumber} is ${state} and cannot be ${wanted}. ${hint}`.trim(), [], { cardNumber, state });
  }
}
