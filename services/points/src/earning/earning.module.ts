import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EARNING_RULE_SET_MODEL, earningRuleSetSchema } from './earning-rule-set.schema';
import { EarningRulesController } from './earning-rules.controller';
import { EarningRulesRepository } from './earning-rules.repository';
import { EarningRulesService } from './earning-rules.service';

/**
 * Earning rules (積分規則): versions, their API and the default for a fresh system. What a
 * purchase earns is computed by the pure functions in earning-calculator.ts, imported directly.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: EARNING_RULE_SET_MODEL, schema: earningRuleSetSchema }])],
  controllers: [EarningRulesController],
  providers: [EarningRulesRepository, EarningRulesService],
  exports: [EarningRulesService],
})
export class EarningModule {}
