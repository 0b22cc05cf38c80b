import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../desk-location';

/** A staff change of one desk's stock of a gift. */
export class AdjustStockDto {
  @ApiProperty({ example: 'desk-l1' })
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location: string;

  @ApiProperty({ type: 'integer', example: 50, description: 'Units to add (a delivery) or take (breakage, a stocktake difference); never 0' })
  @IsInt()
  @NotEquals(0, { message: 'change must not be 0' })
  @Min(-100_000)
  @Max(100_000)
  change: number;

  @ApiProperty({ example: 'Delivery from supplier, note 2026-118' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the stock changes' })
  @MaxLength(500)
  reason: string;
}
