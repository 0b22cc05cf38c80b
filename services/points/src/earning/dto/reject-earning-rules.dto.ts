import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why a supervisor rejects a submitted version; the author reads it in the history. */
export class RejectEarningRulesDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Double points on dining costs too much before the tenants agree to fund it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
