import { Inject, Injectable } from '@nestjs/common';
import { UpstreamUnavailableError } from '../forwarding/forwarding.errors';
import { UPSTREAM_URLS, type UpstreamService, type UpstreamUrls } from '../forwarding/upstream-services';

/** How long the docs wait for a service's document before calling the service down. */
const FETCH_TIMEOUT_MS = 5_000;

export type OpenApiDocument = Record<string, unknown>;

/**
 * Each service's own OpenAPI document (served at its /openapi.json), re-addressed to the
 * gateway: `servers` becomes /api/<service>, so "Try it out" in the gateway's Swagger UI goes
 * through the gateway with the staff token, never straight to the service.
 */
@Injectable()
export class UpstreamDocsService {
  constructor(@Inject(UPSTREAM_URLS) private readonly urls: UpstreamUrls) {}

  async documentOf(service: UpstreamService): Promise<OpenApiDocument> {
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${this.urls[service]}/openapi.json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      throw new UpstreamUnavailableError(service, reasonOf(error));
    }
    if (!answer.ok) throw new UpstreamUnavailableError(service, `its /openapi.json answered ${answer.status}`);
    const document: unknown = await answer.json().catch(() => undefined);
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new UpstreamUnavailableError(service, 'its /openapi.json is not a JSON object');
    }
    return addressedThroughGateway(document as OpenApiDocument, service);
  }
}

export function addressedThroughGateway(document: OpenApiDocument, service: string): OpenApiDocument {
  return { ...document, servers: [{ url: `/api/${service}`, description: `The ${service} service, through the gateway` }] };
}

function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
