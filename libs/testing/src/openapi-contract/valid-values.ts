import { randomInt, randomUUID } from 'node:crypto';
import RandExp from 'randexp';
import { isObject, type Json, type JsonObject } from './json-schema-of';

/** How much of an object to fill: only what is required, or every documented property. */
export type Fill = 'required' | 'all';

/**
 * Makes a value an OpenAPI schema calls valid, as a client generated from the document would
 * send: the documented example or default when there is one, otherwise something that meets
 * the type, format, pattern, enum and limits.
 */
export class ValidValues {
  constructor(private readonly document: JsonObject) {}

  resolve(schema: Json | undefined): JsonObject {
    if (!isObject(schema)) return {};
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const found = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json | undefined>((node, segment) => (isObject(node) ? node[segment] : undefined), this.document);
    return this.resolve(found);
  }

  of(raw: Json | undefined, fill: Fill, useExamples = true): Json {
    const schema = this.resolve(raw);
    if (Array.isArray(schema.allOf)) return this.of(Object.assign({}, ...schema.allOf.map((part) => this.resolve(part)), { allOf: undefined }) as JsonObject, fill, useExamples);
    if (Array.isArray(schema.oneOf)) return this.of(schema.oneOf[0], fill, useExamples);
    if (Array.isArray(schema.anyOf)) return this.of(schema.anyOf[0], fill, useExamples);
    if (useExamples && schema.example !== undefined) return schema.example;
    if (useExamples && schema.default !== undefined) return schema.default;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[randomInt(schema.enum.length)];
    switch (schema.type) {
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return this.number(schema);
      case 'boolean':
        return true;
      case 'array': {
        const count = Math.max(Number(schema.minItems ?? 0), fill === 'all' ? 1 : 0);
        const items: Json[] = [];
        for (let index = 0; index < count; index += 1) items.push(this.of(schema.items, fill, useExamples));
        return items;
      }
      default:
        if (schema.properties !== undefined || schema.type === 'object') return this.object(schema, fill, useExamples);
        return 'x';
    }
  }

  private object(schema: JsonObject, fill: Fill, useExamples: boolean): JsonObject {
    const required = Array.isArray(schema.required) ? schema.required : [];
    const value: JsonObject = {};
    for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      if (fill === 'all' || required.includes(name)) value[name] = this.of(property, fill, useExamples);
    }
    return value;
  }

  private string(schema: JsonObject): string {
    const minLength = Number(schema.minLength ?? 1);
    const maxLength = Number(schema.maxLength ?? Math.max(minLength, 12));
    if (typeof schema.pattern === 'string') {
      const generator = new RandExp(schema.pattern);
      generator.max = 3;
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const candidate = generator.gen();
        if (candidate.length >= minLength && candidate.length <= maxLength) return candidate;
      }
      return generator.gen();
    }
    switch (schema.format) {
      case 'uuid':
        return randomUUID();
      case 'date-time':
        return new Date().toISOString();
      case 'date':
        return new Date().toISOString().slice(0, 10);
      case 'email':
        return `contract-${randomInt(1_000_000)}@example.com`;
      case 'uri':
      case 'url':
        return 'https://example.com/contract';
      default: {
        const text = `c${randomUUID().replaceAll('-', '')}`;
        return text.slice(0, Math.max(minLength, Math.min(maxLength, 8))).padEnd(minLength, 'x');
      }
    }
  }

  private number(schema: JsonObject): number {
    const exclusiveMinimum = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
    const exclusiveMaximum = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
    let low = typeof schema.minimum === 'number' ? schema.minimum : exclusiveMinimum !== undefined ? exclusiveMinimum + 1 : 1;
    if (schema.exclusiveMinimum === true) low += 1;
    let high = typeof schema.maximum === 'number' ? schema.maximum : exclusiveMaximum !== undefined ? exclusiveMaximum - 1 : Math.max(low, 100);
    if (schema.exclusiveMaximum === true) high -= 1;
    const value = low + Math.floor((Math.min(high, low + 100) - low) / 2);
    return schema.type === 'integer' ? Math.ceil(value) : value;
  }
}
