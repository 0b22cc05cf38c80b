import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { GatewayConfig } from '../config/env.schema';
import { ROUTE_ACCESS_TABLE } from '../forwarding/route-access.table';
import { RouteAccessPolicy } from '../forwarding/route-access.policy';
import { SHOPPER_TOKEN_TTL_SECONDS, ShopperTokenService } from '../shopper/shopper-token.service';
import { StaffModule } from '../staff/staff.module';
import { AccessTokenService } from './access-token.service';
import { StaffAccessGuard } from './staff-access.guard';

const ISSUER = 'atrium-gateway';

/** Staff and shopper access tokens and the guard in front of every route. */
@Module({})
export class AccessModule {
  static register(config: Pick<GatewayConfig, 'JWT_SECRET' | 'JWT_TTL_SECONDS' | 'SHOPPER_TOKEN_TTL_SECONDS'>): DynamicModule {
    return {
      module: AccessModule,
      // Global: the shopper routes check and mint tokens with the same keys and pinned algorithm.
      global: true,
      imports: [
        StaffModule,
        JwtModule.register({
          // A key object, made once: given the string, jsonwebtoken first tries to parse it as a
          // PEM public key on every verification and throws, which cost about a fifth of the
          // gateway's CPU per forwarded call.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS, issuer: ISSUER },
          // Pinning the algorithm refuses tokens that claim "none" or another algorithm.
          verifyOptions: { algorithms: ['HS256'], issuer: ISSUER },
        }),
      ],
      providers: [
        AccessTokenService,
        ShopperTokenService,
        { provide: SHOPPER_TOKEN_TTL_SECONDS, useValue: config.SHOPPER_TOKEN_TTL_SECONDS },
        { provide: RouteAccessPolicy, useValue: new RouteAccessPolicy(ROUTE_ACCESS_TABLE) },
        { provide: APP_GUARD, useClass: StaffAccessGuard },
      ],
      exports: [AccessTokenService, ShopperTokenService],
    };
  }
}
