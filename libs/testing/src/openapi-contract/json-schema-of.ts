/** A JSON value as a schema or document holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An OpenAPI 3.0 schema as JSON Schema (draft 7) for ajv: `nullable` becomes a null type,
 * boolean exclusive limits become numbers, and component references point into the document
 * registered under `documentId`.
 */
export function jsonSchemaOf(schema: Json, documentId: string): Json {
  if (Array.isArray(schema)) return schema.map((item) => jsonSchemaOf(item, documentId));
  if (!isObject(schema)) return schema;
  const converted: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$ref' && typeof value === 'string') converted.$ref = `${documentId}${value}`;
    else if (keyword === 'properties' && isObject(value)) converted.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, jsonSchemaOf(property, documentId)]));
    else if (keyword !== 'nullable' && keyword !== 'example' && keyword !== 'examples') converted[keyword] = jsonSchemaOf(value, documentId);
  }
  for (const [exclusive, limit] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (converted[exclusive] === true) {
      converted[exclusive] = converted[limit] ?? null;
      delete converted[limit];
    } else if (converted[exclusive] === false) delete converted[exclusive];
  }
  if (schema.nullable === true) {
    if (typeof converted.type === 'string') converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
    if (converted.type === undefined) return { anyOf: [converted, { type: 'null' }] };
  }
  return converted;
}
