import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '@atrium/http-problem';
import { operationsOf } from './operations';

export const PROBLEM_SCHEMA_NAME = 'ProblemDetails';

/** The shape ProblemDetailsFilter answers for every error (libs/http-problem/src/problem-details.ts). */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details: every error answer of this API',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:atrium:problem:request.invalid' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path of the request' },
    code: { type: 'string', description: 'Stable machine-readable error code, e.g. member.phone-taken', example: 'request.invalid' },
    errors: {
      type: 'array',
      description: 'The fields at fault, named as the client sent them (dotted path for nested fields)',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  // Some problems carry details of their own (existingMemberId, retryAfterSeconds...).
  additionalProperties: true,
};

export const PROBLEM_CONTENT = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } };

const DEFAULT_DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is invalid: code request.invalid names each field at fault in errors',
};

function hasInput(operation: OperationObject): boolean {
  return operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in !== 'header');
}

/**
 * Every error the API answers is problem+json: the ProblemDetails component, that content on
 * every 4xx/5xx response a route declares, and 400 on every route with input to validate
 * (the global validation pipe refuses bodies, queries and path parameters that break their DTO).
 */
export function declareProblemResponses(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_DETAILS_SCHEMA } };
  for (const { operation } of operationsOf(document)) {
    if (hasInput(operation) && !operation.responses['400']) operation.responses['400'] = { description: DEFAULT_DESCRIPTIONS['400'] };
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) < 400 || !response || '$ref' in response) continue;
      const declared = response;
      operation.responses[status] = { ...declared, content: { ...PROBLEM_CONTENT } };
    }
  }
}
