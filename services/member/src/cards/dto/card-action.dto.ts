import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Reporting a card lost or replacing it: the reason is welcome, not required. */
export class CardChangeDto {
  @ApiPropertyOptional({ example: 'lost at the cinema', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason?: string;
}

/** Freezing or unfreezing a card always says why. */
export class CardFreezeDto {
  @ApiProperty({ example: 'suspected shared use', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}
