import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { currentCardOf } from '../../cards/card-lifecycle';
import { ConsentSummaryResponse } from '../../consent/dto/consent-summary.response';
import { BirthdayDto } from '../../profile/dto/birthday.dto';
import { CARD_STATES, GENDERS, LANGUAGES, MEMBER_STATUSES, type Member } from '../member.entity';

export class MemberResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MEMBER_STATUSES, description: 'merged: a duplicate closed into mergedInto; erased: the anonymised tombstone of a forgotten person' })
  status: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a merged record: the member it was merged into' })
  mergedInto?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the record was merged or erased' })
  closedAt?: string;

  @ApiProperty({ example: '+8613800138000', description: 'E.164; an erased member has a placeholder that is nobody\'s number' })
  phone: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '8800000000000017', description: 'The member\'s current card' })
  cardNumber: string;

  @ApiProperty({ enum: CARD_STATES, description: 'State of the current card (only active earns)' })
  cardState: string;

  @ApiProperty({ enum: ['desk', 'self-service', 'activity', 'corporate', 'import'] })
  channel: string;

  @ApiPropertyOptional({ description: 'The activity id (channel activity), corporate programme code (corporate) or import id (import)' })
  sourceRef?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Channel corporate: the company (outreach) whose programme code is sourceRef' })
  sourceCompanyId?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiPropertyOptional({ enum: GENDERS })
  gender?: string;

  @ApiPropertyOptional({ type: BirthdayDto })
  birthday?: BirthdayDto;

  @ApiPropertyOptional()
  district?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  preferredLanguage?: string;

  @ApiProperty({ type: [String] })
  interests: string[];

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Tier code; null until the tier rules assign one' })
  tier: string | null;

  @ApiProperty({ type: ConsentSummaryResponse })
  consent: ConsentSummaryResponse;

  static of(member: Member): MemberResponse {
    return {
      id: member.id,
      status: member.status,
      ...(member.mergedInto ? { mergedInto: member.mergedInto } : {}),
      ...(member.closedAt ? { closedAt: member.closedAt.toISOString() } : {}),
      phone: member.phone,
      name: member.name,
      cardNumber: member.cardNumber,
      cardState: currentCardOf(member.cards, member.cardNumber).state,
      channel: member.channel,
      ...(member.sourceRef ? { sourceRef: member.sourceRef } : {}),
      ...(member.sourceCompanyId ? { sourceCompanyId: member.sourceCompanyId } : {}),
      registeredAt: member.registeredAt.toISOString(),
      ...(member.gender ? { gender: member.gender } : {}),
      ...(member.birthday ? { birthday: { ...member.birthday } } : {}),
      ...(member.district ? { district: member.district } : {}),
      ...(member.preferredLanguage ? { preferredLanguage: member.preferredLanguage } : {}),
      interests: [...member.interests],
      tags: [...member.tags],
      tier: member.tier ?? null,
      consent: ConsentSummaryResponse.of(member.consent),
    };
  }
}
