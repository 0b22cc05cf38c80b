import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A birthday as month and day, with the year only if the member gives it. */
export class BirthdayDto {
  @ApiProperty({ minimum: 1, maximum: 12, example: 2 })
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;

  @ApiProperty({ minimum: 1, maximum: 31, example: 29, description: 'Must exist in the month (29 February only in leap years, or without a year)' })
  @IsInt()
  @Min(1)
  @Max(31)
  day: number;

  @ApiPropertyOptional({ example: 1988, description: 'Optional; 1900 to this year' })
  @IsOptional()
  @IsInt()
  year?: number;
}
