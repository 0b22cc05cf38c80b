import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskPhone } from '@atrium/observability';
import type { RecipientRecord } from '../../delivery/campaign-delivery';
import { MoneyView } from '../../templates/dto/template-preview.response';
import type { CampaignEstimate, CampaignResults } from '../campaign-reports.service';

export class LanguageTallyView {
  @ApiProperty({ type: 'integer' })
  recipients: number;

  @ApiProperty({ type: 'integer' })
  segments: number;
}

export class CampaignEstimateResponse {
  @ApiProperty({ format: 'date-time' })
  evaluatedAt: string;

  @ApiProperty({ description: 'True: the approved segment rule and texts; false: the segment and template as they are now (not approved yet)' })
  approvedContent: boolean;

  @ApiProperty({ type: 'integer', description: 'Members the segment selects' })
  selected: number;

  @ApiProperty({ type: 'integer', description: 'Messages that would go out (before frequency caps, which apply when sending)' })
  recipients: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'no-consent': 12, 'opted-out': 3 } })
  excludedByReason: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/LanguageTallyView' } })
  byLanguage: Record<string, LanguageTallyView>;

  @ApiProperty({ type: 'integer', description: 'Segments billed, all messages together' })
  segments: number;

  @ApiProperty({ type: MoneyView, description: 'Integer minor units' })
  cost: MoneyView;

  static of(estimate: CampaignEstimate): CampaignEstimateResponse {
    return {
      ...estimate,
      evaluatedAt: estimate.evaluatedAt.toISOString(),
      excludedByReason: { ...estimate.excludedByReason },
      byLanguage: Object.fromEntries(Object.entries(estimate.byLanguage).map(([language, tally]) => [language, { ...tally }])),
      cost: { ...estimate.cost },
    };
  }
}

export class CampaignResultsResponse {
  @ApiProperty()
  state: string;

  @ApiProperty({ type: 'integer', description: 'Members on the frozen list, excluded ones included' })
  recipients: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byStatus: Record<string, number>;

  @ApiProperty({ type: 'integer', description: 'Handed to Twilio: queued, sent, delivered or undelivered' })
  sent: number;

  @ApiProperty({ type: 'integer' })
  delivered: number;

  @ApiProperty({ type: 'integer', description: 'Failed or undelivered' })
  failed: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: "Twilio's error codes", example: { '30003': 2 } })
  failedByErrorCode: Record<string, number>;

  @ApiProperty({ type: 'integer' })
  excluded: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'no-consent': 12, 'frequency-capped': 4 } })
  excludedByReason: Record<string, number>;

  @ApiProperty({ type: 'integer', description: 'Recipients who replied STOP after this message' })
  optOutsCaused: number;

  @ApiProperty({ type: 'integer' })
  segmentsBilled: number;

  @ApiProperty({ type: MoneyView, description: 'segmentsBilled × the price per segment, integer minor units' })
  cost: MoneyView;

  @ApiProperty({ description: 'No message is waiting or under way any more' })
  finished: boolean;

  static of(results: CampaignResults): CampaignResultsResponse {
    return {
      ...results,
      byStatus: { ...results.byStatus },
      failedByErrorCode: { ...results.failedByErrorCode },
      excludedByReason: { ...results.excludedByReason },
      cost: { ...results.cost },
    };
  }
}

export class RecipientView {
  @ApiProperty({ example: '6f1c…:9a2b…', description: '<campaignId>:<memberId>' })
  recipientId: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ example: '+86*******8000' })
  phoneMasked: string;

  @ApiProperty()
  status: string;

  @ApiPropertyOptional()
  exclusionReason?: string;

  @ApiPropertyOptional({ description: 'Twilio MessageSid' })
  messageSid?: string;

  @ApiPropertyOptional({ type: 'integer' })
  errorCode?: number;

  @ApiProperty({ type: 'integer' })
  segments: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static of(record: RecipientRecord): RecipientView {
    return {
      recipientId: record.recipientId,
      memberId: record.memberId,
      // Masked by delivery already; masked again so an unmasked number can never leave here.
      phoneMasked: maskPhone(record.phoneMasked),
      status: record.status,
      ...(record.exclusionReason ? { exclusionReason: record.exclusionReason } : {}),
      ...(record.messageSid ? { messageSid: record.messageSid } : {}),
      ...(record.errorCode !== undefined ? { errorCode: record.errorCode } : {}),
      segments: record.segments,
      updatedAt: record.updatedAt.toISOString(),
    };
  }
}

export class RecipientsResponse {
  @ApiProperty({ type: 'integer', description: 'Recipients matching the query, all pages' })
  total: number;

  @ApiProperty({ type: [RecipientView] })
  items: RecipientView[];
}

export class TestSendResultView {
  @ApiProperty({ example: '+85291234567' })
  phone: string;

  @ApiPropertyOptional()
  messageSid?: string;

  @ApiPropertyOptional()
  error?: string;
}

export class TestSendResponse {
  @ApiProperty({ enum: ['zh-Hans', 'zh-Hant', 'en'] })
  language: string;

  @ApiProperty({ description: 'The text sent, with test values' })
  body: string;

  @ApiProperty({ type: [TestSendResultView] })
  results: TestSendResultView[];
}
