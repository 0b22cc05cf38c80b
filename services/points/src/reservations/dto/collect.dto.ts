import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../../rewards/desk-location';

export class CollectDto {
  @ApiPropertyOptional({ example: 'desk-l1', description: 'The desk handing it over; refused when the gift is held at another' })
  @IsOptional()
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location?: string;
}
