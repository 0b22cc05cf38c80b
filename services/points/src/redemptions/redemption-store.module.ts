import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { REDEMPTION_MODEL, redemptionSchema } from './redemption.schema';
import { RedemptionsRepository } from './redemptions.repository';

/**
 * The stored redemptions alone, for the catalogue too: what a member may still redeem depends
 * on what they redeemed this period (the rewards module imports this, not the redemptions module).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: REDEMPTION_MODEL, schema: redemptionSchema }])],
  providers: [RedemptionsRepository],
  exports: [RedemptionsRepository],
})
export class RedemptionStoreModule {}
