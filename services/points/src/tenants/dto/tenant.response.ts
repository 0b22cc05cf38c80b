import { ApiProperty } from '@nestjs/swagger';

export class TenantResponse {
  @ApiProperty({ example: 'T-0412' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['open', 'closed'], description: "open: trading (the directory's open or closing); closed: fitting out or closed, its sales are rejected" })
  status: string;

  @ApiProperty({ description: "The directory's revision this copy holds (0: stored before the directory's events)" })
  revision: number;

  @ApiProperty({ format: 'date-time', description: 'When the directory made that revision' })
  updatedAt: string;
}
