import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACCOUNT_MODEL, accountSchema } from './account.schema';
import { AccountsConsumer } from './accounts.consumer';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { CardDirectory } from './card-directory';
import { BalanceStamp } from './balance-stamp';

@Module({
  imports: [MongooseModule.forFeature([{ name: ACCOUNT_MODEL, schema: accountSchema }])],
  controllers: [AccountsController, AccountsConsumer],
  providers: [AccountsRepository, AccountsService, BalanceStamp, CardDirectory],
  exports: [AccountsRepository, AccountsService, CardDirectory],
})
export class AccountsModule {}
