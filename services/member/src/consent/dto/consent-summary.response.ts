import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_CHANNELS, type ConsentRecord } from '../../members/member.entity';
import { consentStatusOf, type ConsentStatus } from '../consent-rules';

/** Marketing consent at a glance. */
export class ConsentSummaryResponse {
  @ApiProperty({ enum: ['granted', 'withdrawn', 'not-given'], description: 'not-given: never asked; only granted allows marketing' })
  status: ConsentStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the current state began' })
  since?: string;

  @ApiPropertyOptional({ enum: CONSENT_CHANNELS })
  channel?: string;

  @ApiPropertyOptional()
  wordingVersion?: string;

  static of(record: ConsentRecord | undefined): ConsentSummaryResponse {
    return {
      status: consentStatusOf(record),
      ...(record ? { since: record.at.toISOString(), channel: record.channel } : {}),
      ...(record?.wordingVersion ? { wordingVersion: record.wordingVersion } : {}),
    };
  }
}
