import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CurrentPreferences } from '../notification-preferences';

/** The optional transactional SMS a member wants (all off until the member asks for one). */
export class NotificationPreferencesResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ description: 'An SMS each time a purchase earns the member points' })
  pointsEarned: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the member last changed them; absent when never' })
  changedAt?: string;

  static of(memberId: string, preferences: CurrentPreferences): NotificationPreferencesResponse {
    return { memberId, pointsEarned: preferences.pointsEarned, ...(preferences.changedAt ? { changedAt: preferences.changedAt.toISOString() } : {}) };
  }
}
