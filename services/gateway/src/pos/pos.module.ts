import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TillEventsPublisher } from './till-events.publisher';
import { TillKeyGuard } from './till-key.guard';
import { TILL_KEY_MODEL, tillKeySchema } from './till-key.schema';
import { TillKeysController } from './till-keys.controller';
import { TillKeysRepository } from './till-keys.repository';
import { TillKeysService } from './till-keys.service';
import { TillRateCounter } from './till-rate-counter';
import { TILL_LIMITS, TillsService, type TillLimits } from './tills.service';
import { TillsController } from './tills.controller';

/** The till API: tenants' API keys (issued by staff) and the routes tills send sales and refunds to. */
@Module({})
export class PosModule {
  static register(limits: TillLimits): DynamicModule {
    return {
      module: PosModule,
      imports: [MongooseModule.forFeature([{ name: TILL_KEY_MODEL, schema: tillKeySchema }])],
      controllers: [TillKeysController, TillsController],
      providers: [
        { provide: TILL_LIMITS, useValue: limits },
        TillKeysRepository,
        TillKeysService,
        TillRateCounter,
        TillEventsPublisher,
        TillsService,
        TillKeyGuard,
      ],
    };
  }
}
