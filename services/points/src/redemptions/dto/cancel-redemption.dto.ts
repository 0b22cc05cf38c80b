import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CancelRedemptionDto {
  @ApiPropertyOptional({ example: 'Member changed their mind', description: 'Why, in the desk\'s words' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
