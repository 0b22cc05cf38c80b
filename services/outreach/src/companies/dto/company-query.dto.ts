import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';

export class CompanyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only companies in this building (exactly as recorded)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  building?: string;
}
