import { ApiProperty } from '@nestjs/swagger';

export class UploadCodesResponse {
  @ApiProperty({ type: 'integer', description: 'Codes new to the pool' })
  added: number;

  @ApiProperty({ type: 'integer', description: 'Codes the pool had already' })
  duplicates: number;

  @ApiProperty({ type: 'integer', description: 'Codes free now' })
  free: number;
}
