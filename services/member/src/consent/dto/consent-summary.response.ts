import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECORDED_CONSENT_CHANNELS, type ConsentRecord } from '../../members/member.entity';
import { consentStatusOf, type ConsentStatus } from '../consent-rules';

/** Marketing consent at a glance. */
export class ConsentSummaryResponse {
  @ApiProperty({ enum: ['granted', 'withdrawn', 'not-given'], description: 'not-given: never asked; only granted allows marketing' })
  status: ConsentStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the current state began' })
  since?: string;

  @ApiPropertyOptional({ enum: RECORDED_CONSENT_CHANNELS, description: 'erasure: withdrawn when the member was erased' })
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
