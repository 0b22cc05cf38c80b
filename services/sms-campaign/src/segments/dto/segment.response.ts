import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Segment } from '../segment.entity';

export class SegmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  rule: unknown;

  @ApiProperty({ description: 'Username of the author' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty()
  updatedBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: [String], description: 'Campaigns not finished yet that select with it: it cannot be deleted while any does' })
  usedBy: string[];

  @ApiPropertyOptional({ type: 'integer', description: 'Members it selects now (GET of one segment only)' })
  count?: number;

  static of(segment: Segment, count?: number): SegmentResponse {
    return {
      id: segment.id,
      name: segment.name,
      ...(segment.description === undefined ? {} : { description: segment.description }),
      rule: segment.rule,
      createdBy: segment.createdBy,
      createdAt: segment.createdAt.toISOString(),
      updatedBy: segment.updatedBy,
      updatedAt: segment.updatedAt.toISOString(),
      usedBy: [...segment.usedBy],
      ...(count === undefined ? {} : { count }),
    };
  }
}
