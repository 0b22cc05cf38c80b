import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pickFields } from './pick-fields';

/** The optional SMS the shopper asked for. */
export class ShopperNotificationsView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ description: 'An SMS each time a purchase earns points' }) pointsEarned: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) changedAt?: string;

  static of(this: void, preferences: unknown): ShopperNotificationsView {
    return pickFields<ShopperNotificationsView>(preferences, ['memberId', 'pointsEarned', 'changedAt']);
  }
}
