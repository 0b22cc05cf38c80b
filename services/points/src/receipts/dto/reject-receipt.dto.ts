import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RejectReceiptDto {
  @ApiProperty({ example: '小票金額與照片不符 The amount does not match the photo', description: 'Shown to the shopper' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why, for the shopper' })
  @MaxLength(500)
  reason: string;
}
