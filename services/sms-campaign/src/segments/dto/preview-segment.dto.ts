import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

export class PreviewSegmentDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: { noPurchaseForDays: 90 }, description: 'The rule, as it would be saved' })
  @IsDefined({ message: 'rule is required' })
  rule: unknown;

  @ApiPropertyOptional({ type: 'integer', description: 'Members to show, 0 to 50; 10 when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  sampleSize?: number;
}
