import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

/** Starts a yearly review. */
export class StartTierReviewDto {
  @ApiProperty({
    example: '2026-12-31T23:59:59+08:00',
    description: 'The review looks at the 12 months ending with this instant\'s month and reviews its calendar year (centre time zone); not in the future',
  })
  @IsISO8601({ strict: true })
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, { message: 'asOf must be an instant with a time and an offset (Z or +08:00)' })
  asOf: string;
}
