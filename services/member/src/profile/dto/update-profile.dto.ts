import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { GENDERS, LANGUAGES, type Gender, type Language } from '../../members/member.entity';
import { BirthdayDto } from './birthday.dto';

/** A field that may be left out (unchanged) but never set to null. */
const present = (_: object, value: unknown) => value !== undefined;
/** A field that may be left out (unchanged) or set to null (cleared). */
const given = (_: object, value: unknown) => value !== undefined && value !== null;

/**
 * A partial update of a member's profile by a specialist or supervisor: fields left out stay
 * as they are; optional fields set to null are cleared.
 */
export class UpdateProfileDto {
  @ApiPropertyOptional({ example: '陳大文' })
  @ValidateIf(present)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '+852 9123 4567', description: 'Any common format; read in the centre region without a country code. Must not belong to another member (409).' })
  @ValidateIf(present)
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @ValidateIf(given)
  @IsIn(GENDERS)
  gender?: Gender | null;

  @ApiPropertyOptional({ type: BirthdayDto, nullable: true })
  @ValidateIf(given)
  @ValidateNested()
  @Type(() => BirthdayDto)
  birthday?: BirthdayDto | null;

  @ApiPropertyOptional({ example: '天河區', nullable: true, description: 'District of residence' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(100)
  district?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true })
  @ValidateIf(given)
  @IsIn(LANGUAGES)
  preferredLanguage?: Language | null;

  @ApiPropertyOptional({ type: [String], example: ['dining', 'kids'], description: 'Up to 20, each up to 40 characters; [] clears' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  interests?: string[];

  @ApiPropertyOptional({ type: [String], example: ['vip-prospect'], description: 'Staff labels; up to 30, each up to 40 characters; [] clears' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}
