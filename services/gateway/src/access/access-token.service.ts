import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isStaffRole } from '../staff/staff-role';
import type { AuthenticatedStaff } from './authenticated-staff';

/** What a verified token says: who, with which roles, from which session version. */
export interface TokenClaims extends AuthenticatedStaff {
  readonly sessionVersion: number;
}

interface AccessTokenPayload {
  readonly sub: string;
  readonly roles: readonly string[];
  /** The account's session version when the token was issued (see StaffSessionsRepository). */
  readonly ver: number;
}

/** Issues and checks staff access tokens (HS256 JWTs; algorithm, issuer and expiry set in AccessModule). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(claims: TokenClaims): Promise<string> {
    const payload: AccessTokenPayload = { sub: claims.username, roles: [...claims.roles], ver: claims.sessionVersion };
    return this.jwt.signAsync(payload);
  }

  /** The token's claims, or undefined for a token that is malformed, forged, expired or of the wrong shape. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch {
      return undefined;
    }
    if (!isAccessTokenPayload(payload)) return undefined;
    return { username: payload.sub, roles: payload.roles.filter(isStaffRole), sessionVersion: payload.ver };
  }
}

function isAccessTokenPayload(value: unknown): value is AccessTokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof AccessTokenPayload, unknown>>;
  return (
    typeof candidate.sub === 'string' &&
    Array.isArray(candidate.roles) &&
    candidate.roles.every((role) => typeof role === 'string') &&
    Number.isInteger(candidate.ver)
  );
}
