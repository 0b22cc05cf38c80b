import type { OpenAPIObject } from '@nestjs/swagger';
import { IDENTITY_SIGNATURE_HEADER } from '@atrium/staff-identity';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Declares the GatewayIdentityGuard's 401 on every operation of a service's document (the
 * operations that already declare a 401 keep theirs): every route answers 401 problem+json to a
 * request the gateway did not sign.
 */
export function withGatewayIdentityRefusal(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation || operation.responses['401']) continue;
      operation.responses['401'] = {
        description: `Not signed by the gateway (no valid ${IDENTITY_SIGNATURE_HEADER}), or a change without the staff member who makes it`,
        content: { 'application/problem+json': { schema: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' } } } } },
      };
    }
  }
  return document;
}
