import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OPENING_GRANT_MODEL, openingGrantSchema } from './opening-grant.schema';
import { OpeningGrantsRepository } from './opening-grants.repository';
import { OpeningPointsConsumer } from './opening-points.consumer';
import { OpeningPointsService } from './opening-points.service';

/** Balances members brought from an earlier system by import: credited once each. */
@Module({
  imports: [MongooseModule.forFeature([{ name: OPENING_GRANT_MODEL, schema: openingGrantSchema }]), AccountsModule, LedgerModule],
  controllers: [OpeningPointsConsumer],
  providers: [OpeningGrantsRepository, OpeningPointsService],
})
export class OpeningPointsModule {}
