import { ApiProperty } from '@nestjs/swagger';

/** A shopper's self-service token, after a verified code. */
export class ShopperSessionResponse {
  @ApiProperty({ description: 'Bearer token for /api/shopper/me routes' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ format: 'uuid', description: 'The member the token acts for' })
  memberId: string;
}
