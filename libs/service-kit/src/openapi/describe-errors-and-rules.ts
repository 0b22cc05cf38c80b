import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { declareProblemResponses } from './problem-responses';
import { routeHandlersOf } from './route-handlers';
import { declareValidationRules } from './validation-schemas';

/**
 * Completes a document SwaggerModule built from the decorators with what the runtime enforces:
 * the validation pipe's rules on every field and the problem+json answers of every route.
 */
export function describeErrorsAndRules(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  declareValidationRules(document, routeHandlersOf(app));
  declareProblemResponses(document);
  return document;
}
