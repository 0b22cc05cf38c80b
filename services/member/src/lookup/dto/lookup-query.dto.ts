import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';

/** The desk's look-up: exactly one of phone, card or name. */
export class LookupQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '138 0013 8000', description: 'Any common format (+86 or not, spaces, dashes); read in the centre region without a country code' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ example: '8800 0000 0000 0017', description: 'Any card the member ever had (spaces and dashes allowed); the check digit is checked' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  card?: string;

  @ApiPropertyOptional({ example: '陳大', description: 'Prefix of the name, without regard to case, spaces or punctuation' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}
