import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EraseMemberDto {
  @ApiProperty({ example: 'written request received 2026-11-20, ref 2026-ER-07', description: 'Why (the request); kept in the audit. Write no personal data here.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
