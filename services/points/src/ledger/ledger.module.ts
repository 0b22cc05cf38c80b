import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { LEDGER_ENTRY_MODEL, ledgerEntrySchema } from './ledger-entry.schema';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: LEDGER_ENTRY_MODEL, schema: ledgerEntrySchema }]), AccountsModule],
  controllers: [LedgerController],
  providers: [LedgerRepository],
  exports: [LedgerRepository],
})
export class LedgerModule {}
