import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class IssueTillKeyDto {
  @ApiProperty({ example: 'T-0042', description: 'The tenant whose sales the key may record, and no other' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'tenantId must be 1 to 64 letters, digits, ".", "_" or "-"' })
  tenantId: string;

  @ApiProperty({ example: 'Till 2, ground floor', description: 'What the key is for, shown in the list' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;
}
