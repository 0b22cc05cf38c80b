import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsString } from 'class-validator';
import type { Campaign } from '../earning-rule-set.entity';
import { IsInstant } from './is-instant.decorator';

/** A time-boxed bonus; the rules it must follow are checked with the whole rule set. */
export class CampaignDto {
  @ApiProperty({ example: 'member-day-2025' })
  @IsString()
  id: string;

  @ApiProperty({ example: '會員日雙倍積分' })
  @IsString()
  name: string;

  @ApiProperty({ format: 'date-time', example: '2025-01-01T00:00:00+08:00' })
  @IsInstant()
  from: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00+08:00', description: 'Exclusive' })
  @IsInstant()
  to: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [3], description: '0 = Sunday … 6 = Saturday in the centre time zone; absent = every day' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  weekdays?: number[];

  @ApiPropertyOptional({ type: [String], description: 'Absent = every tenant' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tenantIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Absent = every category' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Absent = every tier' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tiers?: string[];

  @ApiPropertyOptional({ type: 'integer', example: 2000, description: 'Permille (2000 = double points); exactly one of this and extraPoints' })
  @IsOptional()
  @IsInt()
  multiplierPermille?: number;

  @ApiPropertyOptional({ type: 'integer', example: 50, description: 'Whole points added per purchase; exactly one of this and multiplierPermille' })
  @IsOptional()
  @IsInt()
  extraPoints?: number;

  static toCampaign(dto: CampaignDto): Campaign {
    return {
      id: dto.id,
      name: dto.name,
      from: new Date(dto.from),
      to: new Date(dto.to),
      ...(dto.weekdays !== undefined ? { weekdays: dto.weekdays } : {}),
      ...(dto.tenantIds !== undefined ? { tenantIds: dto.tenantIds } : {}),
      ...(dto.categories !== undefined ? { categories: dto.categories } : {}),
      ...(dto.tiers !== undefined ? { tiers: dto.tiers } : {}),
      ...(dto.multiplierPermille !== undefined ? { multiplierPermille: dto.multiplierPermille } : {}),
      ...(dto.extraPoints !== undefined ? { extraPoints: dto.extraPoints } : {}),
    };
  }

  static of(campaign: Campaign): CampaignDto {
    const { from, to, weekdays, tenantIds, categories, tiers, ...rest } = campaign;
    return {
      ...rest,
      from: from.toISOString(),
      to: to.toISOString(),
      ...(weekdays ? { weekdays: [...weekdays] } : {}),
      ...(tenantIds ? { tenantIds: [...tenantIds] } : {}),
      ...(categories ? { categories: [...categories] } : {}),
      ...(tiers ? { tiers: [...tiers] } : {}),
    };
  }
}
