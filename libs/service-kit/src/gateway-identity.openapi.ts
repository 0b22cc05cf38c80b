import type { OpenAPIObject } from '@nestjs/swagger';
import { IDENTITY_SIGNATURE_HEADER } from '@atrium/staff-identity';
import { operationsOf } from './openapi/operations';
import { PROBLEM_CONTENT } from './openapi/problem-responses';

const UNSIGNED = `not signed by the gateway (no valid ${IDENTITY_SIGNATURE_HEADER})`;

/**
 * Declares the GatewayIdentityGuard's 401 on every operation of a service's document (a 401
 * an operation declares already gains this cause): every route answers 401 problem+json to a
 * request the gateway did not sign.
 */
export function withGatewayIdentityRefusal(document: OpenAPIObject): OpenAPIObject {
  for (const { operation } of operationsOf(document)) {
    const declared = operation.responses['401'];
    const description = declared && !('$ref' in declared) ? `${declared.description}; or ${UNSIGNED}` : UNSIGNED;
    operation.responses['401'] = { description, content: { ...PROBLEM_CONTENT } };
  }
  return document;
}
