import { ApiProperty } from '@nestjs/swagger';
import { pickFields } from './pick-fields';

/** A code request taken: how long the code lasts and when another may be asked for. */
export class ShopperCodeRequestView {
  @ApiProperty({ type: 'integer' }) expiresInSeconds: number;
  @ApiProperty({ type: 'integer' }) resendAfterSeconds: number;

  static of(this: void, outcome: unknown): ShopperCodeRequestView {
    return pickFields<ShopperCodeRequestView>(outcome, ['expiresInSeconds', 'resendAfterSeconds']);
  }
}
