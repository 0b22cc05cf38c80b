import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { MEMBER_LANGUAGES, type MemberLanguage } from '../../members/member-profile.entity';

export class ScheduleCampaignDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00+08:00', description: 'When sending starts; not in the past, at most 366 days ahead' })
  @IsISO8601({ strict: true })
  at: string;
}

export class RejectCampaignDto {
  @ApiProperty({ example: 'The offer ends before the send date.', description: 'Why, for the author: 1 to 500 characters' })
  @IsString()
  reason: string;
}

export class TestSendDto {
  @ApiProperty({ type: [String], example: ['+85291234567'], description: 'Staff mobile numbers in E.164, 1 to 10' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  phones: string[];

  @ApiPropertyOptional({ enum: MEMBER_LANGUAGES, description: 'The version to send; the first the template has when absent' })
  @IsOptional()
  @IsIn([...MEMBER_LANGUAGES])
  language?: MemberLanguage;
}
