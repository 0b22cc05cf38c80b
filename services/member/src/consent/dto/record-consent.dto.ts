import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../members/member.entity';

/** A member gives or withdraws marketing consent, as staff record it. */
export class RecordConsentDto {
  @ApiProperty({ description: 'true: the member accepts marketing messages; false: withdraws' })
  @IsBoolean()
  granted: boolean;

  @ApiProperty({ enum: CONSENT_CHANNELS, example: 'desk' })
  @IsIn(CONSENT_CHANNELS)
  channel: ConsentChannel;

  @ApiPropertyOptional({ example: 'marketing-2026-01', description: 'Version of the consent wording shown to the member; required to grant' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  wordingVersion?: string;
}
