import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { InvalidTwilioSignatureError } from './webhook.errors';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

/** This service's webhook routes, mounted under this path; Twilio knows them under TWILIO_WEBHOOK_BASE_URL. */
export const WEBHOOK_ROUTE_PREFIX = '/twilio';

/**
 * Lets a webhook through only when its X-Twilio-Signature is Twilio's for this request, checked
 * with the SDK's `validateRequest`: HMAC-SHA1 under the auth token of the URL Twilio posted to
 * (TWILIO_WEBHOOK_BASE_URL plus this route's name and the query string, e.g.
 * https://atrium.example/api/webhooks/twilio/status?x=1) followed by the form's parameters.
 * Guards run before any handler, so a forged request changes nothing.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const params = formOf(request.body);
    if (!signature || !params || !validateRequest(this.settings.authToken, signature, publicUrlOf(request.originalUrl, this.settings.publicBaseUrl), params)) {
      throw new InvalidTwilioSignatureError();
    }
    return true;
  }
}

/** `/twilio/status?x=1` → `<base>/status?x=1`: the URL Twilio signed. */
export function publicUrlOf(originalUrl: string, publicBaseUrl: string): string {
  const rest = originalUrl.startsWith(WEBHOOK_ROUTE_PREFIX) ? originalUrl.slice(WEBHOOK_ROUTE_PREFIX.length) : originalUrl;
  return `${publicBaseUrl}${rest}`;
}

/** The parsed form (Nest's urlencoded body parser), or undefined when the body is not one. */
function formOf(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
