import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_CHANNELS, type ConsentRecord } from '../../members/member.entity';
import { ConsentSummaryResponse } from './consent-summary.response';

export class ConsentRecordResponse {
  @ApiProperty()
  granted: boolean;

  @ApiProperty({ enum: CONSENT_CHANNELS })
  channel: string;

  @ApiPropertyOptional()
  wordingVersion?: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional({ description: 'The staff member who recorded it; absent for SMS replies' })
  recordedBy?: string;

  @ApiPropertyOptional({ description: 'The keyword of an SMS reply' })
  keyword?: string;

  @ApiPropertyOptional({ description: 'The inbound SMS id of an SMS reply' })
  messageSid?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The record the entry belongs to when it is not this member\'s own: a record merged into it' })
  fromMemberId?: string;

  static of(record: ConsentRecord): ConsentRecordResponse {
    return {
      granted: record.granted,
      channel: record.channel,
      ...(record.wordingVersion ? { wordingVersion: record.wordingVersion } : {}),
      at: record.at.toISOString(),
      ...(record.recordedBy ? { recordedBy: record.recordedBy } : {}),
      ...(record.keyword ? { keyword: record.keyword } : {}),
      ...(record.messageSid ? { messageSid: record.messageSid } : {}),
      ...(record.fromMemberId ? { fromMemberId: record.fromMemberId } : {}),
    };
  }
}

/** The current state and the whole history of a member's marketing consent (newest first). */
export class ConsentHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: ConsentSummaryResponse })
  current: ConsentSummaryResponse;

  @ApiProperty({ type: [ConsentRecordResponse], description: 'Newest first, with the decisions of the records merged into the member (fromMemberId)' })
  history: ConsentRecordResponse[];

  /** `history` newest first, as ConsentService.history answers it. */
  static of(memberId: string, current: ConsentRecord | undefined, history: readonly ConsentRecord[]): ConsentHistoryResponse {
    return { memberId, current: ConsentSummaryResponse.of(current), history: history.map((record) => ConsentRecordResponse.of(record)) };
  }
}
