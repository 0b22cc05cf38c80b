import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OFFER_FUNDERS, OFFER_KINDS, type OfferFunder, type OfferKind } from '../agreement.entity';

/** A text in each language the booklet prints (the rules name the language missing, e.g. offers.0.terms.en). */
export class TermsTextDto {
  @ApiProperty({ example: '全單九折', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  'zh-Hant': string;

  @ApiProperty({ example: '全单九折', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  'zh-Hans': string;

  @ApiProperty({ example: '10% off the bill', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  en: string;
}

/** What the member gets: the fields of its kind (the rules name any missing one). */
export class OfferBenefitDto {
  @ApiProperty({ enum: OFFER_KINDS })
  @IsIn(OFFER_KINDS, { message: `kind must be one of ${OFFER_KINDS.join(', ')}` })
  kind: OfferKind;

  @ApiPropertyOptional({ description: 'percentage: 1 to 99 (% off)', example: 10 })
  @IsOptional()
  @IsInt()
  percentOff?: number;

  @ApiPropertyOptional({ description: 'amount-off: minor units (fen) off once the spend reaches minSpendMinor' })
  @IsOptional()
  @IsInt()
  amountOffMinor?: number;

  @ApiPropertyOptional({ description: 'amount-off: the spend needed, minor units' })
  @IsOptional()
  @IsInt()
  minSpendMinor?: number;

  @ApiPropertyOptional({ type: TermsTextDto, description: 'free-item: what is given' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermsTextDto)
  item?: TermsTextDto;

  @ApiPropertyOptional({ description: 'points-multiplier: above 1, at most 10, in steps of 0.1', example: 2 })
  @IsOptional()
  @IsNumber()
  pointsMultiplier?: number;
}

/** The days and hours an offer holds, local time. */
export class OfferWindowDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays 1 (Monday) to 7; every day when empty' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekdays: number[];

  @ApiPropertyOptional({ example: '14:00', description: 'HH:MM, inclusive; with until' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '17:00', description: 'HH:MM, exclusive; with from' })
  @IsOptional()
  @IsString()
  until?: string;
}

export class OfferDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Leave out for a new offer (the service assigns one); send it to keep an offer of an earlier version' })
  @IsOptional()
  @IsUUID()
  offerId?: string;

  @ApiProperty({ type: OfferBenefitDto })
  @ValidateNested()
  @Type(() => OfferBenefitDto)
  benefit: OfferBenefitDto;

  @ApiProperty({ type: [String], example: ['gold', 'vip'], description: 'Tier codes of the programme (MEMBER_TIER_CODES); every tier when empty' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  tiers: string[];

  @ApiProperty({ type: OfferWindowDto })
  @ValidateNested()
  @Type(() => OfferWindowDto)
  window: OfferWindowDto;

  @ApiPropertyOptional({ type: TermsTextDto, description: 'Goods or cases it does not apply to' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermsTextDto)
  exclusions?: TermsTextDto;

  @ApiPropertyOptional({ description: 'Uses per member over the validity (1 to 1000); no cap when absent' })
  @IsOptional()
  @IsInt()
  capPerMember?: number;

  @ApiProperty({ type: TermsTextDto })
  @ValidateNested()
  @Type(() => TermsTextDto)
  terms: TermsTextDto;

  @ApiProperty({ enum: OFFER_FUNDERS })
  @IsIn(OFFER_FUNDERS, { message: `fundedBy must be one of ${OFFER_FUNDERS.join(', ')}` })
  fundedBy: OfferFunder;

  @ApiPropertyOptional({ description: 'With fundedBy shared: the tenant\'s share, 1 to 99 %' })
  @IsOptional()
  @IsInt()
  tenantSharePercent?: number;
}
