import type { ApiResponseOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The problem+json body every error of this API answers with (libs/http-problem). */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable, machine-readable, e.g. earning.own-version' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** An error answer as the OpenAPI document declares it: problem+json, with what the codes mean. */
export function problemResponse(status: number, description: string): ApiResponseOptions {
  return { status, description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } };
}
