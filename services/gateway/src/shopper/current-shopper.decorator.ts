import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthenticationRequiredError } from '../access/access.errors';
import type { AuthenticatedShopper, ShopperRequest } from './authenticated-shopper';

/** The signed-in shopper of a shopper route. */
export const CurrentShopper = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedShopper => {
  const shopper = context.switchToHttp().getRequest<ShopperRequest>().shopper;
  if (!shopper) throw new AuthenticationRequiredError('auth.token-missing', 'Sign in first: send Authorization: Bearer <token>.');
  return shopper;
});
