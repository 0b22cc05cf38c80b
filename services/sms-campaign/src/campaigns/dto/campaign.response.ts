import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_KINDS } from '../../compliance/message-kind';
import type { Campaign } from '../campaign.entity';
import { CAMPAIGN_STATES } from '../campaign-state';

export class HistoryEntryView {
  @ApiProperty({ example: 'approve' })
  command: string;

  @ApiProperty({ enum: CAMPAIGN_STATES, description: 'The state it led to' })
  state: string;

  @ApiProperty({ description: 'Username, or "system" for the service (start at the scheduled time, completion)' })
  by: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional({ description: "A rejection's reason, a schedule's time" })
  note?: string;
}

export class RejectionView {
  @ApiProperty()
  by: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class FreezeView {
  @ApiProperty({ enum: ['running', 'done', 'stopped'] })
  status: string;

  @ApiProperty({ type: 'integer' })
  attempts: number;

  @ApiProperty({ format: 'date-time', description: 'Relative rules were evaluated at this instant' })
  evaluatedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiProperty({ type: 'integer', description: 'Members the segment selected' })
  selected: number;

  @ApiProperty({ type: 'integer', description: 'Messages handed to delivery' })
  messages: number;

  @ApiProperty({ type: 'integer', description: 'Members excluded (consent, STOP, card, language...)' })
  excluded: number;
}

export class ApprovedContentView {
  @ApiProperty()
  segmentName: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  rule: unknown;

  @ApiProperty()
  templateName: string;

  @ApiProperty({ type: 'integer' })
  templateVersion: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  bodies: Record<string, string>;
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ format: 'uuid' })
  segmentId: string;

  @ApiProperty({ format: 'uuid' })
  templateId: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind: string;

  @ApiProperty({ enum: CAMPAIGN_STATES })
  state: string;

  @ApiPropertyOptional({ format: 'date-time' })
  plannedSendAt?: string;

  @ApiProperty()
  createdBy: string;

  @ApiPropertyOptional()
  submittedBy?: string;

  @ApiPropertyOptional()
  approvedBy?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  approvedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it starts sending, while scheduled' })
  sendAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When sending started (the recipient list was frozen)' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  endedAt?: string;

  @ApiPropertyOptional()
  cancelledBy?: string;

  @ApiPropertyOptional({ type: RejectionView })
  rejection?: RejectionView;

  @ApiPropertyOptional({ type: ApprovedContentView, description: 'What was approved: sending uses it, whatever happens to the segment and template since' })
  approvedContent?: ApprovedContentView;

  @ApiPropertyOptional({ type: FreezeView })
  recipientList?: FreezeView;

  @ApiProperty({ type: [HistoryEntryView], description: 'Every move, oldest first' })
  history: HistoryEntryView[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static of(campaign: Campaign): CampaignResponse {
    const iso = (at: Date | undefined): { value?: string } => (at ? { value: at.toISOString() } : {});
    const optional = <K extends string>(key: K, at: Date | undefined): Partial<Record<K, string>> =>
      (iso(at).value ? { [key]: iso(at).value } : {}) as Partial<Record<K, string>>;
    const freeze = campaign.freeze;
    return {
      id: campaign.id,
      name: campaign.name,
      ...(campaign.description ? { description: campaign.description } : {}),
      segmentId: campaign.segmentId,
      templateId: campaign.templateId,
      kind: campaign.kind,
      state: campaign.state,
      ...optional('plannedSendAt', campaign.plannedSendAt),
      createdBy: campaign.createdBy,
      ...(campaign.submittedBy ? { submittedBy: campaign.submittedBy } : {}),
      ...(campaign.approvedBy ? { approvedBy: campaign.approvedBy } : {}),
      ...optional('approvedAt', campaign.approvedAt),
      ...optional('sendAt', campaign.sendAt),
      ...optional('startedAt', campaign.startedAt),
      ...optional('endedAt', campaign.endedAt),
      ...(campaign.cancelledBy ? { cancelledBy: campaign.cancelledBy } : {}),
      ...(campaign.rejection ? { rejection: { ...campaign.rejection, at: campaign.rejection.at.toISOString() } } : {}),
      ...(campaign.snapshot
        ? {
            approvedContent: {
              segmentName: campaign.snapshot.segmentName,
              rule: campaign.snapshot.rule,
              templateName: campaign.snapshot.templateName,
              templateVersion: campaign.snapshot.templateVersion,
              bodies: { ...campaign.snapshot.bodies },
            },
          }
        : {}),
      ...(freeze
        ? {
            recipientList: {
              status: freeze.status,
              attempts: freeze.attempts,
              evaluatedAt: freeze.evaluatedAt.toISOString(),
              ...optional('completedAt', freeze.completedAt),
              selected: freeze.selected,
              messages: freeze.messages,
              excluded: freeze.excluded,
            },
          }
        : {}),
      history: campaign.history.map((entry) => ({ command: entry.command, state: entry.state, by: entry.by, at: entry.at.toISOString(), ...(entry.note ? { note: entry.note } : {}) })),
      createdAt: campaign.createdAt.toISOString(),
      updatedAt: campaign.updatedAt.toISOString(),
    };
  }
}
