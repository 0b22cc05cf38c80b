import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class StartPeriodRunDto {
  @ApiProperty({ example: '2026-10', description: 'The month to settle (centre time); it must have ended' })
  @IsString()
  @Matches(/^\d{4}-\d{2}$/, { message: 'period must be a month as YYYY-MM, e.g. 2026-10' })
  period: string;
}
