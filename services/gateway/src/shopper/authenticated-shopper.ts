import type { Request } from 'express';

/** A shopper proven by a shopper token: the member they signed in as, and nothing more. */
export interface AuthenticatedShopper {
  readonly memberId: string;
}

/** A request the access guard has let through on a shopper route. */
export interface ShopperRequest extends Request {
  shopper?: AuthenticatedShopper;
}
