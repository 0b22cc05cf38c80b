import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pickFields, pickNested, withOptional } from './pick-fields';

export class ShopperBirthdayView {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 31 }) day: number;
  @ApiPropertyOptional({ type: 'integer' }) year?: number;
}

export class ShopperConsentView {
  @ApiProperty({ enum: ['granted', 'withdrawn', 'not-given'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time' }) since?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional() wordingVersion?: string;
}

/** A member's own record as the shopper sees it: no staff tags, no sign-up source, no merge bookkeeping. */
export class ShopperMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['active', 'merged', 'erased'] }) status: string;
  @ApiProperty({ example: '+8613800138000' }) phone: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '8800000000000017' }) cardNumber: string;
  @ApiProperty() cardState: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiPropertyOptional() gender?: string;
  @ApiPropertyOptional({ type: ShopperBirthdayView }) birthday?: ShopperBirthdayView;
  @ApiPropertyOptional() district?: string;
  @ApiPropertyOptional() preferredLanguage?: string;
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Tier code; null until one is assigned' }) tier: string | null;
  @ApiProperty({ type: ShopperConsentView }) consent: ShopperConsentView;

  static of(this: void, member: unknown): ShopperMemberView {
    return {
      ...pickFields<ShopperMemberView>(member, [
        'id', 'status', 'phone', 'name', 'cardNumber', 'cardState', 'registeredAt', 'gender', 'district', 'preferredLanguage', 'interests', 'tier',
      ]),
      ...withOptional('birthday', pickNested<ShopperBirthdayView>(member, 'birthday', ['month', 'day', 'year'])),
      ...withOptional('consent', pickNested<ShopperConsentView>(member, 'consent', ['status', 'since', 'channel', 'wordingVersion'])),
    };
  }
}
