import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class StartDailyRunDto {
  @ApiProperty({ example: '2026-11-26', description: 'The centre-local day to settle; it must have ended' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day as YYYY-MM-DD, e.g. 2026-11-26' })
  date: string;
}
