import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const RULE_EXAMPLE = { all: [{ consent: 'granted' }, { birthdayMonth: 'current' }, { not: { hasTag: 'staff' } }] };

export class SaveSegmentDto {
  @ApiProperty({ example: '六月生日會員 June birthdays', description: 'Unique among segments' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'Members with consent whose birthday is this month, staff excluded' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: RULE_EXAMPLE,
    description:
      'The rule (see services/sms-campaign/README.md): all / any / not; { field, op, value | from, to } on tier, language, registrationChannel, companyCode, cardState, pointsBalance, spendLast12MonthsMinor, birthday.month/day/year, registeredAt, lastPurchaseAt, marketingConsent.granted/at; birthdayMonth, noPurchaseForDays, registeredWithinDays, registeredBefore, hasTag, hasAnyTag, hasAllTags, tierIn, consent. A problem names its path, e.g. rule.all.2.field',
  })
  @IsDefined({ message: 'rule is required' })
  rule: unknown;
}
