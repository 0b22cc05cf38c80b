import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenService } from '../access/access-token.service';
import type { PresentedToken } from '../access/authenticated-staff';
import type { StaffRole } from '../staff/staff-role';
import { normalizeUsername } from '../staff/staff-username';
import { StaffService } from '../staff/staff.service';
import { StaffSessionsRepository } from '../staff/staff-sessions.repository';
import { InvalidCredentialsError, LoginRateLimitedError } from './auth.errors';
import { LoginFailuresRepository } from './login-failures.repository';
import { decideLoginAttempt, type LoginLimits } from './login-rate-limit';

export const LOGIN_LIMITS = Symbol('LOGIN_LIMITS');

export interface LoginResult {
  readonly accessToken: string;
  readonly username: string;
  readonly roles: readonly StaffRole[];
}

@Injectable()
export class LoginService {
  constructor(
    private readonly staff: StaffService,
    private readonly sessions: StaffSessionsRepository,
    private readonly tokens: AccessTokenService,
    private readonly failures: LoginFailuresRepository,
    @Inject(LOGIN_LIMITS) private readonly limits: LoginLimits,
  ) {}

  /**
   * Checks the password and issues an access token. Refused before any password check when
   * the username or the address has too many recent failures.
   */
  async login(rawUsername: string, password: string, address: string): Promise<LoginResult> {
    // Bounded so a client cannot make us store arbitrarily long Redis keys.
    const username = normalizeUsername(rawUsername).slice(0, 64);
    const counts = await this.failures.read(username, address);
    const verdict = decideLoginAttempt(counts.user, counts.address, this.limits);
    if (!verdict.allowed) throw new LoginRateLimitedError(verdict.retryAfterSeconds);

    const account = await this.staff.verifyCredentials(username, password);
    if (!account) {
      await this.failures.record(username, address, this.limits.windowSeconds);
      throw new InvalidCredentialsError();
    }
    await this.failures.forgetUser(username);
    const sessionVersion = await this.sessions.currentVersion(account.username);
    const accessToken = await this.tokens.issue({ username: account.username, roles: account.roles, sessionVersion });
    return { accessToken, username: account.username, roles: account.roles };
  }

  /** Signs a token out: every replica refuses it from now on, also after a restart (the revocation is in Redis). */
  async logout(token: PresentedToken): Promise<void> {
    await this.sessions.revokeToken(token.tokenId, token.expiresAt);
  }
}
