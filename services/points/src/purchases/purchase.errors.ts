import { InvalidInputError } from '@atrium/errors';
import type { Rejection } from './purchase-checks';

/** A sale the feed would refuse, asked about through the preview: the same code and reason. */
export class PurchaseRefusedError extends InvalidInputError {
  constructor(rejection: Rejection) {
    super(rejection.code, rejection.reason);
  }
}
