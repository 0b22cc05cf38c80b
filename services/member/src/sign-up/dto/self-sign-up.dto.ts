import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, type Language } from '../../members/member.entity';

/** Marketing consent as the sign-up form asked for it. */
export class SignUpConsentDto {
  @ApiProperty({ description: 'Whether the shopper agreed to marketing messages' })
  @IsBoolean()
  granted: boolean;

  @ApiProperty({ example: '2026-09', description: 'Version of the consent wording the form showed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  wordingVersion: string;
}

/** A shopper signs up themselves with the code the SMS brought. */
export class SelfSignUpDto {
  @ApiProperty({ example: '138 0013 8000', description: 'The phone the code was sent to, in any common format' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone: string;

  @ApiProperty({ example: '042917', description: 'The 6-digit code from the SMS' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits of the SMS' })
  code: string;

  @ApiProperty({ example: '陳大文' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @ApiProperty({ type: SignUpConsentDto, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpConsentDto)
  marketingConsent?: SignUpConsentDto;
}
