import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_KINDS, type ComplaintCategory, type ComplaintChannel, type ComplaintKind } from '../complaint.entity';
import { STAFF_ID_PATTERN, STAFF_ID_RULE } from './staff-id';

export class RecordComplaintDto {
  @ApiProperty({ enum: COMPLAINT_KINDS })
  @IsIn(COMPLAINT_KINDS)
  kind: ComplaintKind;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member it came from, if the shopper is one (404 if unknown)' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiProperty({ example: 'The B2 parking payment machine kept the ticket', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ example: 'desk-amy', description: 'Staff username to hand it to at once' })
  @IsOptional()
  @IsString()
  @Matches(STAFF_ID_PATTERN, { message: `assignee ${STAFF_ID_RULE}` })
  assignee?: string;
}
