import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_LANGUAGES, type MessageLanguage, VERIFICATION_PURPOSES, type VerificationPurpose } from '../verification.entity';

/** A shopper asks for a code by SMS. */
export class RequestCodeDto {
  @ApiProperty({ example: '138 0013 8000', description: 'Mobile number in any common format' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone: string;

  @ApiProperty({ enum: VERIFICATION_PURPOSES, description: 'sign-up to become a member, sign-in to use self-service' })
  @IsIn(VERIFICATION_PURPOSES)
  purpose: VerificationPurpose;

  @ApiProperty({ enum: MESSAGE_LANGUAGES, required: false, description: 'Language of the SMS (zh-Hans by default)' })
  @IsOptional()
  @IsIn(MESSAGE_LANGUAGES)
  language?: MessageLanguage;
}
