import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, NotEquals } from 'class-validator';

export class MakeAdjustmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ type: 'integer', example: 200, description: 'Points to add (positive) or take (negative) from available; never 0' })
  @IsInt()
  @NotEquals(0, { message: 'points must not be 0' })
  points: number;

  @ApiProperty({ example: '客訴 C-2026-118: 補發活動積分 Activity points missed at check-in', description: 'Why; the member\'s statement shows it' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the points change' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ example: 'C-2026-118', description: 'What it refers to: a complaint, a case, an activity' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}
