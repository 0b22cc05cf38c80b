import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';
import { TENANT_CATEGORIES, TENANT_STATUSES, type TenantCategory, type TenantStatus } from '../tenant.entity';

export class TenantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENANT_CATEGORIES })
  @IsOptional()
  @IsIn(TENANT_CATEGORIES)
  category?: TenantCategory;

  @ApiPropertyOptional({ example: 'L1', pattern: '^[A-Za-z0-9]{1,4}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,4}$/, { message: 'floor must be 1 to 4 letters or digits' })
  floor?: string;

  @ApiPropertyOptional({ enum: TENANT_STATUSES })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;
}
