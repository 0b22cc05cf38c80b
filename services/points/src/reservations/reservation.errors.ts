import { UnauthenticatedError } from '@atrium/errors';

/** A reservation call without the gateway's word on which shopper (or staff member) is calling. */
export class ShopperUnknownError extends UnauthenticatedError {
  constructor() {
    super('reservation.shopper-unknown', 'Only a signed-in shopper may reserve online; call it through the gateway\'s shopper routes.');
  }
}
