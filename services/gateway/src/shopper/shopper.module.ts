import { Module, type DynamicModule } from '@nestjs/common';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import { SelfServiceController } from './self-service.controller';
import { ShopperSessionController } from './shopper-session.controller';

/** Shoppers' sign-up, sign-in by SMS code, and their own records (the tokens come from AccessModule). */
@Module({})
export class ShopperModule {
  static register(urls: UpstreamUrls): DynamicModule {
    return {
      module: ShopperModule,
      controllers: [ShopperSessionController, SelfServiceController],
      providers: [{ provide: UPSTREAM_URLS, useValue: urls }],
    };
  }
}
