import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isStaffRole } from '../staff/staff-role';
import type { AuthenticatedStaff } from './authenticated-staff';

/** What a token is issued for: who, with which roles, from which session version. */
export interface TokenGrant extends AuthenticatedStaff {
  readonly sessionVersion: number;
}

/** What a verified token says: its grant, its own id and when it expires. */
export interface TokenClaims extends TokenGrant {
  readonly tokenId: string;
  readonly expiresAt: Date;
}

interface AccessTokenPayload {
  readonly sub: string;
  readonly roles: readonly string[];
  /** The account's session version when the token was issued (see StaffSessionsRepository). */
  readonly ver: number;
  /** The token's own id, by which signing out revokes it. */
  readonly jti: string;
  /** Set by the signer (JWT_TTL_SECONDS), in seconds since the epoch. */
  readonly exp: number;
}

/**
 * Issues and checks staff access tokens (HS256 JWTs; algorithm, issuer and expiry set in
 * AccessModule). Checking is local: signature, issuer, expiry and shape, no database call.
 */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(grant: TokenGrant): Promise<string> {
    const payload: Omit<AccessTokenPayload, 'exp'> = { sub: grant.username, roles: [...grant.roles], ver: grant.sessionVersion, jti: randomUUID() };
    return this.jwt.signAsync(payload);
  }

  /**
   * The token's claims, or undefined for a token that is malformed, forged, expired or of the
   * wrong shape; a token without an id (issued before tokens had one) is of the wrong shape.
   */
  async verify(token: string): Promise<TokenClaims | undefined> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch {
      return undefined;
    }
    if (!isAccessTokenPayload(payload)) return undefined;
    return {
      username: payload.sub,
      roles: payload.roles.filter(isStaffRole),
      sessionVersion: payload.ver,
      tokenId: payload.jti,
      expiresAt: new Date(payload.exp * 1000),
    };
  }
}

function isAccessTokenPayload(value: unknown): value is AccessTokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof AccessTokenPayload, unknown>>;
  return (
    typeof candidate.sub === 'string' &&
    Array.isArray(candidate.roles) &&
    candidate.roles.every((role) => typeof role === 'string') &&
    Number.isInteger(candidate.ver) &&
    typeof candidate.jti === 'string' &&
    candidate.jti.length > 0 &&
    typeof candidate.exp === 'number'
  );
}
