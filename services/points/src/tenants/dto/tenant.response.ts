import { ApiProperty } from '@nestjs/swagger';

export class TenantResponse {
  @ApiProperty({ example: 'T-0412' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['open', 'closed'], description: "A closed tenant's sales are rejected" })
  status: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
