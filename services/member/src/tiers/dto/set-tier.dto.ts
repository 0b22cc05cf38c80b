import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Staff put a member in a tier by hand (a goodwill upgrade, a correction). */
export class SetTierDto {
  @ApiProperty({ example: 'gold', description: 'Tier code (GET /tiers)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  tier: string;

  @ApiProperty({ example: 'complaint 2026-118 goodwill', description: 'Why; kept in the tier history and the audit' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
