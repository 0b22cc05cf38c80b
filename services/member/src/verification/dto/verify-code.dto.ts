import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { VERIFICATION_PURPOSES, type VerificationPurpose } from '../verification.entity';

/** A shopper sends back the code they received. */
export class VerifyCodeDto {
  @ApiProperty({ example: '138 0013 8000' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone: string;

  @ApiProperty({ enum: VERIFICATION_PURPOSES })
  @IsIn(VERIFICATION_PURPOSES)
  purpose: VerificationPurpose;

  @ApiProperty({ example: '042917', description: 'The 6-digit code from the SMS' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits of the SMS' })
  code: string;
}
