import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';

/** Points per amount: `points` for every `perAmountMinor` minor units (1 per 100 = 1 point per yuan). */
export class BaseRateDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Whole points, > 0' })
  @IsInt()
  points: number;

  @ApiProperty({ type: 'integer', example: 100, description: 'Minor units (fen for CNY), > 0' })
  @IsInt()
  perAmountMinor: number;
}
