import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import type { GatewayConfig } from '../config/env.schema';
import { StaffUsernameTakenError } from './staff.errors';
import { StaffService } from './staff.service';

export const FIRST_ADMIN = Symbol('FIRST_ADMIN');

export type FirstAdminConfig = Pick<GatewayConfig, 'ATRIUM_ADMIN_USERNAME' | 'ATRIUM_ADMIN_PASSWORD'>;

/**
 * Creates the first admin from configuration when no account has that username, so a fresh
 * installation can be signed into. An existing account is never touched: its password may have
 * been changed since, and a restart must not undo that.
 */
@Injectable()
export class FirstAdminSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly staff: StaffService,
    @Inject(FIRST_ADMIN) private readonly config: FirstAdminConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ATRIUM_ADMIN_USERNAME: username, ATRIUM_ADMIN_PASSWORD: password } = this.config;
    try {
      await this.staff.create({ username, password, displayName: 'Administrator', roles: ['admin'] });
      this.logger.info({ username }, 'created the first admin account');
    } catch (error) {
      // Already there (or created this instant by another replica): leave it as it is.
      if (!(error instanceof StaffUsernameTakenError)) throw error;
    }
  }
}
