import { ApiProperty } from '@nestjs/swagger';
import { ShopperMemberView } from '../views/shopper-member.view';
import { ShopperSessionResponse } from './shopper-session.response';

/** A new member's own record and their first shopper token. */
export class ShopperSignUpResponse {
  @ApiProperty({ type: ShopperMemberView }) member: ShopperMemberView;
  @ApiProperty({ type: ShopperSessionResponse }) session: ShopperSessionResponse;
}
