import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Page size and deepest offset of every list: a list is for reading, not for exporting. */
export const MAX_PAGE_SIZE = 100;
export const MAX_OFFSET = 10_000;
export const DEFAULT_PAGE_SIZE = 20;

/** Which page of a list: `limit` items after the first `offset`. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export function pageOf(query: PageQueryDto): PageRequest {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 };
}

/** One page of a list; `hasMore` says whether a next page has anything. */
export interface Page<T> {
  readonly items: T[];
  readonly limit: number;
  readonly offset: number;
  readonly hasMore: boolean;
}

/** A page from `limit + 1` items read: the extra one only tells that there is more. */
export function pageFrom<T>(read: readonly T[], page: PageRequest): Page<T> {
  return { items: read.slice(0, page.limit), limit: page.limit, offset: page.offset, hasMore: read.length > page.limit };
}
