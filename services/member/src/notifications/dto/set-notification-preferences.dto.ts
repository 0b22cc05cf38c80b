import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** The optional transactional SMS a member wants, as staff or the shopper set them. */
export class SetNotificationPreferencesDto {
  @ApiProperty({ description: 'true: an SMS each time a purchase earns the member points ("you earned N points, balance B"); false: none' })
  @IsBoolean()
  pointsEarned: boolean;
}
