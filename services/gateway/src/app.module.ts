import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { AuthModule } from './auth/auth.module';
import type { GatewayConfig } from './config/env.schema';
import { DocsModule } from './docs/docs.module';
import { ForwardingModule } from './forwarding/forwarding.module';
import { upstreamUrlsOf } from './forwarding/upstream-services';
import { HttpEdgeModule } from './http/http-edge.module';
import { IdentitySigningModule } from './identity/identity-signing.module';
import { PosModule } from './pos/pos.module';
import { ShopperModule } from './shopper/shopper.module';
import { StaffAdminModule } from './staff/staff-admin.module';
import { TwilioWebhooksModule } from './webhooks/twilio-webhooks.module';

export const SERVICE_NAME = 'gateway';

@Module({})
export class AppModule {
  static register(config: GatewayConfig, logger: Logger, metrics: Metrics): DynamicModule {
    const upstreams = upstreamUrlsOf(config);
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: SERVICE_NAME, config, logger, metrics }),
        HttpEdgeModule,
        IdentitySigningModule.register(config.ATRIUM_IDENTITY_SECRET),
        AuthModule.register(config),
        StaffAdminModule.register(config),
        ShopperModule.register(upstreams),
        PosModule.register(config),
        DocsModule.register(upstreams),
        TwilioWebhooksModule.register(upstreams),
        // Last: its catch-all /api/<service>/... routes must not shadow the gateway's own.
        ForwardingModule.register(upstreams, config.UPSTREAM_IDLE_SOCKETS),
      ],
    };
  }
}
