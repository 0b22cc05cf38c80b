import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Company } from '../company.entity';

export class CompanyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  building: string;

  @ApiPropertyOptional()
  address?: string;

  @ApiPropertyOptional()
  contactName?: string;

  @ApiPropertyOptional({ example: '+862038001234' })
  contactPhone?: string;

  @ApiPropertyOptional()
  contactEmail?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Staff username' })
  createdBy: string;

  static of(company: Company): CompanyResponse {
    return {
      id: company.id,
      name: company.name,
      building: company.building,
      ...(company.address ? { address: company.address } : {}),
      ...(company.contactName ? { contactName: company.contactName } : {}),
      ...(company.contactPhone ? { contactPhone: company.contactPhone } : {}),
      ...(company.contactEmail ? { contactEmail: company.contactEmail } : {}),
      createdAt: company.createdAt.toISOString(),
      createdBy: company.createdBy,
    };
  }
}

export class CompanyPageResponse {
  @ApiProperty({ type: [CompanyResponse] })
  items: CompanyResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Whether a next page has anything' })
  hasMore: boolean;
}
