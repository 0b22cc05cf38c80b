import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The member a shopper's self-service call acts for. The gateway's shopper routes set it from
 * the shopper's token (never from what the client sends), and the staff proxy removes it, so
 * it is trusted like the staff headers.
 */
export const SHOPPER_HEADER = 'x-atrium-shopper';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `@Shopper() memberId: string | undefined`: the signed-in member's id, or undefined when no shopper called. */
export const Shopper = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[SHOPPER_HEADER];
  const memberId = (Array.isArray(value) ? value[0] : value)?.trim();
  return memberId && UUID.test(memberId) ? memberId.toLowerCase() : undefined;
});
