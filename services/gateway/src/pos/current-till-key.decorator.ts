import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { TillKeyInvalidError } from './pos.errors';
import type { TillKey } from './till-key.entity';
import type { TillRequest } from './till-key.guard';

/** The till key TillKeyGuard admitted. */
export const CurrentTillKey = createParamDecorator((_data: unknown, context: ExecutionContext): TillKey => {
  const key = context.switchToHttp().getRequest<TillRequest>().tillKey;
  if (!key) throw new TillKeyInvalidError();
  return key;
});
