import { Module, type DynamicModule } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import type { GatewayConfig } from '../config/env.schema';
import { StaffModule } from '../staff/staff.module';
import { AuthController, TOKEN_TTL_SECONDS } from './auth.controller';
import { LoginFailuresRepository } from './login-failures.repository';
import { LOGIN_LIMITS, LoginService } from './login.service';
import type { LoginLimits } from './login-rate-limit';

type AuthConfig = Pick<
  GatewayConfig,
  'JWT_SECRET' | 'JWT_TTL_SECONDS' | 'SHOPPER_TOKEN_TTL_SECONDS' | 'LOGIN_MAX_FAILURES_PER_USER' | 'LOGIN_MAX_FAILURES_PER_ADDRESS' | 'LOGIN_WINDOW_SECONDS'
>;

/** Staff sign-in (rate-limited) and the guard, via AccessModule, that every route passes. */
@Module({})
export class AuthModule {
  static register(config: AuthConfig): DynamicModule {
    const limits: LoginLimits = {
      maxFailuresPerUser: config.LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    };
    return {
      module: AuthModule,
      imports: [StaffModule, AccessModule.register(config)],
      controllers: [AuthController],
      providers: [
        LoginService,
        LoginFailuresRepository,
        { provide: LOGIN_LIMITS, useValue: limits },
        { provide: TOKEN_TTL_SECONDS, useValue: config.JWT_TTL_SECONDS },
      ],
    };
  }
}
