import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MESSAGE_KINDS, type MessageKind } from '../../compliance/message-kind';
import type { CampaignDraft } from '../campaign.entity';

export class SaveCampaignDto {
  @ApiProperty({ example: '六月生日禮遇 June birthday treat' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The segment it goes to' })
  @IsUUID()
  segmentId: string;

  @ApiProperty({ format: 'uuid', description: 'The template it sends (approved before the campaign is submitted)' })
  @IsUUID()
  templateId: string;

  @ApiProperty({ enum: MESSAGE_KINDS, description: "Must be the template's kind" })
  @IsIn([...MESSAGE_KINDS])
  kind: MessageKind;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T10:00:00+08:00', description: 'When it should go: scheduled for this time when approved, if still ahead' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedSendAt?: string;

  static toDraft(body: SaveCampaignDto): CampaignDraft {
    const description = body.description?.trim();
    return {
      name: body.name.trim(),
      ...(description ? { description } : {}),
      segmentId: body.segmentId,
      templateId: body.templateId,
      kind: body.kind,
      ...(body.plannedSendAt ? { plannedSendAt: new Date(body.plannedSendAt) } : {}),
    };
  }
}
