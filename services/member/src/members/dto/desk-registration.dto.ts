import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { RegisterMemberDto } from './register-member.dto';

/** The channels POST /members registers through (activity sign-ups and self sign-up have their own routes). */
export const DESK_CHANNELS = ['desk', 'corporate'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/**
 * What staff enter to register a shopper: at the desk, or with a corporate programme code an
 * employee of a company near the centre brings (channel corporate; the code is the source).
 */
export class DeskRegistrationDto extends RegisterMemberDto {
  @ApiPropertyOptional({ enum: DESK_CHANNELS, default: 'desk', description: 'corporate when corporateCode is given; desk otherwise' })
  @IsOptional()
  @IsIn(DESK_CHANNELS)
  channel?: DeskChannel;

  @ApiPropertyOptional({
    example: 'ACME2026',
    description: 'Channel corporate: the programme code from outreach, any case. 404 naming corporateCode when no programme has it, 409 when it is suspended, not valid yet or expired',
  })
  // Required with channel corporate: one rule, so a missing code is one problem.
  @ValidateIf((body: DeskRegistrationDto) => body.channel === 'corporate' || body.corporateCode !== undefined)
  @Matches(/^\s*[A-Za-z0-9]{4,20}\s*$/, { message: 'corporateCode must be a programme code: 4 to 20 letters and digits, e.g. ACME2026' })
  corporateCode?: string;
}
