/**
 * A small validator for the subset of OpenAPI 3.0 schemas that Twilio's Messages operations
 * use: object properties and `required`, string/number/integer/boolean/array types, `enum`,
 * `pattern`, `minLength`/`maxLength`, `minimum`/`maximum`, `nullable` and `format` (through
 * checkers the caller passes in). Pure: no I/O, unit-tested beside it.
 *
 * Two entry points: `validateForm` for a form-encoded request body or query string (every value
 * arrives as a string and is read as the schema's type, a repeated name is an array), and
 * `validateValue` for a JSON value (a response we build).
 */

/** The schema keywords this validator understands (an OpenAPI schema object, $refs resolved). */
export interface Schema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  'x-twilio'?: { ignoreFormat?: boolean };
}

export type IssueKind = 'required' | 'unknown' | 'type' | 'enum' | 'pattern' | 'length' | 'range' | 'format' | 'repeated';

/** One way the input does not match the schema; `name` is the parameter (or JSON path) at fault. */
export interface Issue {
  name: string;
  kind: IssueKind;
  message: string;
  /** The offending value as received, when there is one. */
  value?: unknown;
}

/** A format name (`uri`, `phone-number`, …) and whether a string has that format. */
export type FormatCheckers = Readonly<Record<string, (value: string) => boolean>>;

/** Form parameters as received: each name with its values in order (a repeated name has several). */
export type FormParams = ReadonlyMap<string, readonly string[]>;

/** The parameters of a form, read as the schema's types: the input of the operation's handler. */
export type TypedParams = Record<string, unknown>;

export interface FormResult {
  issues: Issue[];
  params: TypedParams;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads one form string as the schema's scalar type; undefined when it cannot be read so. */
function readScalar(schema: Schema, raw: string): { ok: true; value: unknown } | { ok: false } {
  switch (schema.type) {
    case 'integer':
      return INTEGER.test(raw) ? { ok: true, value: Number(raw) } : { ok: false };
    case 'number':
      return NUMBER.test(raw) ? { ok: true, value: Number(raw) } : { ok: false };
    case 'boolean': {
      // Twilio's SDKs send "true"/"false"; its API also takes "True"/"False".
      const lower = raw.toLowerCase();
      if (lower === 'true') return { ok: true, value: true };
      if (lower === 'false') return { ok: true, value: false };
      return { ok: false };
    }
    case undefined:
    case 'string':
      return { ok: true, value: raw };
    case 'array':
    case 'object':
      return { ok: false };
  }
}

/**
 * Validates form parameters against an object schema: unknown names, missing required ones,
 * values of the wrong type, enum, pattern, length, range or format. Returns the issues in the
 * order of the schema's properties (then unknown names), and the parameters read as their types.
 */
export function validateForm(schema: Schema, form: FormParams, formats: FormatCheckers): FormResult {
  const properties = schema.properties ?? {};
  const issues: Issue[] = [];
  const params: TypedParams = {};

  for (const name of schema.required ?? []) {
    const values = form.get(name);
    if (values === undefined || values.length === 0) {
      issues.push({ name, kind: 'required', message: `'${name}' is required` });
    }
  }

  for (const [name, propertySchema] of Object.entries(properties)) {
    const values = form.get(name);
    if (values === undefined || values.length === 0) continue;
    if (propertySchema.type === 'array') {
      const itemSchema = propertySchema.items ?? {};
      const items: unknown[] = [];
      values.forEach((raw, index) => {
        const read = readScalar(itemSchema, raw);
        if (!read.ok) {
          issues.push(typeIssue(name, itemSchema, raw));
          return;
        }
        issues.push(...checkValue(itemSchema, read.value, `${name}[${index}]`, formats, name));
        items.push(read.value);
      });
      params[name] = items;
      continue;
    }
    if (values.length > 1) {
      issues.push({ name, kind: 'repeated', message: `'${name}' takes one value, got ${values.length}`, value: values });
      continue;
    }
    const raw = values[0];
    const read = readScalar(propertySchema, raw);
    if (!read.ok) {
      issues.push(typeIssue(name, propertySchema, raw));
      continue;
    }
    issues.push(...checkValue(propertySchema, read.value, name, formats, name));
    params[name] = read.value;
  }

  for (const name of form.keys()) {
    if (!(name in properties)) {
      issues.push({ name, kind: 'unknown', message: `'${name}' is not a parameter of this operation`, value: form.get(name) });
    }
  }
  return { issues, params };
}

function typeIssue(name: string, schema: Schema, raw: string): Issue {
  return { name, kind: 'type', message: `'${name}' must be ${article(schema.type ?? 'string')}, got '${raw}'`, value: raw };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Validates a JSON value against a schema (type, nullable, enum, pattern, length, range, format,
 * object properties and required names, array items). Properties the schema does not name are
 * allowed, as OpenAPI allows them by default.
 */
export function validateValue(schema: Schema, value: unknown, path: string, formats: FormatCheckers): Issue[] {
  return checkValue(schema, value, path, formats, path);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(type: NonNullable<Schema['type']>, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function checkValue(schema: Schema, value: unknown, path: string, formats: FormatCheckers, name: string): Issue[] {
  if (value === null) {
    return schema.nullable === true ? [] : [{ name, kind: 'type', message: `'${path}' must not be null`, value }];
  }
  if (schema.type !== undefined && !matchesType(schema.type, value)) {
    return [{ name, kind: 'type', message: `'${path}' must be ${article(schema.type)}, got ${typeOf(value)}`, value }];
  }
  const issues: Issue[] = [];
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    issues.push({ name, kind: 'enum', message: `'${path}' must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`, value });
  }
  if (typeof value === 'string') {
    // Lengths count characters as JSON Schema does (code points), not UTF-16 units.
    const length = Array.from(value).length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      issues.push({ name, kind: 'length', message: `'${path}' must be at least ${schema.minLength} characters long`, value });
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      issues.push({ name, kind: 'length', message: `'${path}' must be at most ${schema.maxLength} characters long`, value });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      issues.push({ name, kind: 'pattern', message: `'${path}' must match ${schema.pattern}`, value });
    }
    const checker = schema.format === undefined || schema['x-twilio']?.ignoreFormat === true ? undefined : formats[schema.format];
    if (checker !== undefined && !checker(value)) {
      issues.push({ name, kind: 'format', message: `'${path}' is not a valid ${schema.format}`, value });
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      issues.push({ name, kind: 'range', message: `'${path}' must be at least ${schema.minimum}`, value });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      issues.push({ name, kind: 'range', message: `'${path}' must be at most ${schema.maximum}`, value });
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const itemSchema = schema.items;
    value.forEach((item, index) => issues.push(...checkValue(itemSchema, item, `${path}[${index}]`, formats, `${path}[${index}]`)));
  }
  if (schema.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const required of schema.required ?? []) {
      if (!(required in record)) issues.push({ name: `${path}.${required}`, kind: 'required', message: `'${path}.${required}' is required` });
    }
    for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
      if (key in record) issues.push(...checkValue(propertySchema, record[key], `${path}.${key}`, formats, `${path}.${key}`));
    }
  }
  return issues;
}
