import type { PipeTransform, Type } from '@nestjs/common';
import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IS_DATE_STRING, IS_ISO8601 } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { operationsOf } from './operations';
import type { RouteHandler } from './route-handlers';

type Schema = SchemaObject | ReferenceObject;

/** What the validation pipe checks, as JSON Schema, for every class with class-validator rules. */
function validationSchemas(): Record<string, SchemaObject> {
  const dateTime = { type: 'string', format: 'date-time' } as const;
  return validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: { [IS_DATE_STRING]: dateTime, [IS_ISO8601]: dateTime },
  }) as Record<string, SchemaObject>;
}

/** The keywords that say what a value may be: the validator's word wins over the decorators' docs. */
const CONSTRAINTS = ['type', 'format', 'pattern', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'not', 'oneOf', 'anyOf'] as const;

function mergeConstraints(documented: Schema | undefined, validated: SchemaObject): Schema {
  if (documented && ('$ref' in documented || documented.allOf)) return documented;
  const merged: Record<string, unknown> = { ...documented };
  for (const keyword of CONSTRAINTS) {
    const value = (validated as Record<string, unknown>)[keyword];
    if (value !== undefined) merged[keyword] = value;
  }
  // class-validator's numbers are floats unless IsInt says otherwise; the documented type may be finer.
  if (validated.type === 'number' && documented && !('$ref' in documented) && documented.type === 'integer') merged.type = 'integer';
  if (validated.items && !('$ref' in validated.items && documented && !('$ref' in documented) && documented.items)) {
    const documentedItems = documented && !('$ref' in documented) ? documented.items : undefined;
    merged.items = '$ref' in validated.items ? (documentedItems ?? validated.items) : mergeConstraints(documentedItems, validated.items);
  }
  return merged;
}

/**
 * Merges what a DTO's class-validator rules check into its documented schema: required fields,
 * patterns, formats, enums and limits, and no other properties (the pipe refuses unknown ones).
 */
function mergeObjectSchema(documented: SchemaObject, validated: SchemaObject): SchemaObject {
  const properties: Record<string, Schema> = {};
  for (const [name, rules] of Object.entries(validated.properties ?? {})) {
    properties[name] = mergeConstraints(documented.properties?.[name], rules as SchemaObject);
  }
  const merged: SchemaObject = { ...documented, type: 'object', properties, additionalProperties: false };
  if (validated.required?.length) merged.required = validated.required;
  else delete merged.required;
  return merged;
}

function isPipe(pipes: readonly (Type<PipeTransform> | PipeTransform)[], pipe: Type<PipeTransform>): boolean {
  return pipes.some((candidate) => candidate === pipe || candidate instanceof pipe);
}

/** Adds the validation pipe's real rules to the component schemas and to query and path parameters. */
export function declareValidationRules(document: OpenAPIObject, handlers: Map<string, RouteHandler>): void {
  const rules = validationSchemas();
  const schemas = document.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (rules[name] && !('$ref' in schema)) schemas[name] = mergeObjectSchema(schema, rules[name]);
  }
  for (const { operation } of operationsOf(document)) {
    const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
    if (!handler) continue;
    const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => 'in' in parameter);
    for (const argument of handler.arguments) {
      if (argument.source === 'query' && !argument.name && argument.type && rules[argument.type.name]) {
        const queryRules = rules[argument.type.name];
        for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
          const rule = queryRules.properties?.[parameter.name] as SchemaObject | undefined;
          if (!rule) continue;
          parameter.schema = mergeConstraints(parameter.schema, rule);
          parameter.required = queryRules.required?.includes(parameter.name) ?? false;
        }
      }
      if ((argument.source === 'param' || argument.source === 'query') && argument.name) {
        const parameter = parameters.find((candidate) => candidate.name === argument.name && candidate.in === (argument.source === 'param' ? 'path' : 'query'));
        if (!parameter) continue;
        if (isPipe(argument.pipes, ParseUUIDPipe)) parameter.schema = { ...parameter.schema, type: 'string', format: 'uuid' };
        if (isPipe(argument.pipes, ParseIntPipe)) parameter.schema = { ...parameter.schema, type: 'integer' };
      }
    }
  }
}
