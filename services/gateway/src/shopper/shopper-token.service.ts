import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedShopper } from './authenticated-shopper';

/** Shopper tokens carry this audience; staff tokens carry none, so neither passes for the other. */
const SHOPPER_AUDIENCE = 'atrium-shopper';

export const SHOPPER_TOKEN_TTL_SECONDS = Symbol('SHOPPER_TOKEN_TTL_SECONDS');

interface ShopperTokenPayload {
  readonly sub: string;
  readonly typ: 'shopper';
}

/**
 * Issues and checks shoppers' self-service tokens: HS256 JWTs signed with the gateway's key
 * (algorithm and issuer pinned by AccessModule), for one member, with their own audience and
 * lifetime. A staff token never opens a shopper route and a shopper token never a staff route.
 */
@Injectable()
export class ShopperTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(SHOPPER_TOKEN_TTL_SECONDS) readonly ttlSeconds: number,
  ) {}

  issue(memberId: string): Promise<string> {
    const payload: ShopperTokenPayload = { sub: memberId, typ: 'shopper' };
    return this.jwt.signAsync(payload, { audience: SHOPPER_AUDIENCE, expiresIn: this.ttlSeconds });
  }

  /** The shopper, or undefined for a token that is malformed, forged, expired or not a shopper's. */
  async verify(token: string): Promise<AuthenticatedShopper | undefined> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync<object>(token, { audience: SHOPPER_AUDIENCE });
    } catch {
      return undefined;
    }
    if (!isShopperTokenPayload(payload)) return undefined;
    return { memberId: payload.sub };
  }
}

function isShopperTokenPayload(value: unknown): value is ShopperTokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ShopperTokenPayload, unknown>>;
  return typeof candidate.sub === 'string' && candidate.sub.length > 0 && candidate.typ === 'shopper';
}
