import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskPhone } from '@atrium/observability';
import type { MemberProfile } from '../../members/member-profile.entity';
import type { SegmentPreview } from '../segments.service';

/** One member of a sample: enough to see the rule does what was meant; the phone masked. */
export class SampleMemberView {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ example: '+86*******8000' })
  phoneMasked: string;

  @ApiProperty({ enum: ['zh-Hans', 'zh-Hant', 'en'] })
  language: string;

  @ApiPropertyOptional()
  tier?: string;

  @ApiPropertyOptional({ type: 'integer', description: '1 to 12' })
  birthdayMonth?: number;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastPurchaseAt?: string;

  @ApiProperty({ type: 'integer' })
  spendLast12MonthsMinor: number;

  @ApiProperty()
  marketingConsent: boolean;

  @ApiProperty()
  cardState: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  static of(member: MemberProfile): SampleMemberView {
    return {
      memberId: member.memberId,
      phoneMasked: member.phone === '' ? '' : maskPhone(member.phone),
      language: member.language,
      ...(member.tier === undefined ? {} : { tier: member.tier }),
      ...(member.birthday === undefined ? {} : { birthdayMonth: member.birthday.month }),
      registeredAt: member.registeredAt.toISOString(),
      ...(member.lastPurchaseAt === undefined ? {} : { lastPurchaseAt: member.lastPurchaseAt.toISOString() }),
      spendLast12MonthsMinor: member.spendLast12MonthsMinor,
      marketingConsent: member.marketingConsent.granted,
      cardState: member.cardState,
      tags: [...member.tags],
    };
  }
}

export class SegmentPreviewResponse {
  @ApiProperty({ type: 'integer', description: 'Members the rule selects now; consent, STOP and card state apply only when sending' })
  count: number;

  @ApiProperty({ type: [SampleMemberView] })
  sample: SampleMemberView[];

  @ApiProperty({ format: 'date-time', description: 'When relative rules (days, current month) were evaluated' })
  evaluatedAt: string;

  static of(preview: SegmentPreview): SegmentPreviewResponse {
    return { count: preview.count, sample: preview.sample.map((member) => SampleMemberView.of(member)), evaluatedAt: preview.evaluatedAt.toISOString() };
  }
}
