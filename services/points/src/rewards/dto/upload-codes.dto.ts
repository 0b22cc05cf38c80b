import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

/** Codes for a digital voucher's pool, as its issuer supplied them. */
export class UploadCodesDto {
  @ApiProperty({ type: [String], example: ['STARBUCKS-9Q2K-77AB', 'STARBUCKS-4MZP-21CD'], description: '1 to 5000 codes; a code already in the pool is ignored' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5_000)
  @Matches(/^[A-Za-z0-9_-]{4,64}$/, { each: true, message: 'each code must be 4 to 64 letters, digits, dashes or underscores' })
  codes: string[];
}
