import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LedgerModule } from '../ledger/ledger.module';
import { MergesConsumer } from './merges.consumer';
import { MergeTransferService } from './merge-transfer.service';

/** Two records of one person merged by the member service: the points follow the survivor. */
@Module({
  imports: [AccountsModule, LedgerModule],
  controllers: [MergesConsumer],
  providers: [MergeTransferService],
})
export class MergesModule {}
