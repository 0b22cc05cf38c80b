import { Module } from '@nestjs/common';
import { RejectedPurchasesRepository } from './rejected-purchases.repository';

/** The refused sales and refunds, for the feed that records them and the receipts that are matched on them. */
@Module({
  providers: [RejectedPurchasesRepository],
  exports: [RejectedPurchasesRepository],
})
export class RejectedPurchasesModule {}
