import { readFileSync } from 'node:fs';
import type { Schema } from './schema-validator';

/** The parts of an OpenAPI 3.0 document this endpoint reads. */
interface RawDocument {
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

interface RawParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
}

interface RawOperation {
  operationId?: string;
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

export type HttpMethod = 'get' | 'post' | 'delete';

/** One operation of the document, with the schemas a request is validated against. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The path template as the document writes it, e.g. /2010-04-01/Accounts/{AccountSid}/Messages.json. */
  pathTemplate: string;
  /** An object schema of the path parameters (every one required). */
  pathSchema: Schema;
  /** An object schema of the query parameters. */
  querySchema: Schema;
  /** The application/x-www-form-urlencoded body schema, when the operation takes one. */
  formSchema: Schema | undefined;
}

/** A compiled path template: its regular expression and the names of its parameters in order. */
interface PathMatcher {
  template: string;
  pattern: RegExp;
  names: string[];
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * Twilio's published OpenAPI description (scripts/twilio-local/openapi/twilio_api_v2010.json),
 * read once at start. Gives the operations of the paths the endpoint serves with `$ref`s
 * resolved, and matches request paths against their templates.
 */
export class OpenApiDocument {
  private readonly matchers: PathMatcher[];

  private constructor(
    private readonly raw: RawDocument,
    servedPaths: readonly string[],
  ) {
    for (const path of servedPaths) {
      if (raw.paths[path] === undefined) throw new Error(`the OpenAPI document has no path ${path}`);
    }
    this.matchers = servedPaths.map(compileTemplate);
  }

  /** Reads and parses the document; `servedPaths` are the path templates the endpoint answers. */
  static load(file: string, servedPaths: readonly string[]): OpenApiDocument {
    return OpenApiDocument.fromJson(JSON.parse(readFileSync(file, 'utf8')) as RawDocument, servedPaths);
  }

  static fromJson(json: unknown, servedPaths: readonly string[]): OpenApiDocument {
    const raw = json as RawDocument;
    if (typeof raw !== 'object' || raw === null || typeof raw.paths !== 'object') {
      throw new Error('not an OpenAPI document: no "paths"');
    }
    return new OpenApiDocument(raw, servedPaths);
  }

  get title(): string {
    return `${this.raw.info?.title ?? 'untitled'} ${this.raw.info?.version ?? ''}`.trim();
  }

  /** The operation at a path template and method, or undefined when the document has none. */
  operation(pathTemplate: string, method: HttpMethod): Operation | undefined {
    const item = this.raw.paths[pathTemplate];
    const op = item?.[method] as RawOperation | undefined;
    if (op === undefined) return undefined;
    if (op.operationId === undefined) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
    const parameters = op.parameters ?? [];
    const bodySchema = op.requestBody?.content?.[FORM]?.schema;
    return {
      operationId: op.operationId,
      method,
      pathTemplate,
      pathSchema: this.parametersSchema(parameters.filter((p) => p.in === 'path')),
      querySchema: this.parametersSchema(parameters.filter((p) => p.in === 'query')),
      formSchema: bodySchema === undefined ? undefined : this.resolve(bodySchema),
    };
  }

  /** The operation with this id among the served paths; throws when it is missing. */
  operationById(operationId: string): Operation {
    for (const { template } of this.matchers) {
      for (const method of ['get', 'post', 'delete'] as const) {
        const op = this.operation(template, method);
        if (op?.operationId === operationId) return op;
      }
    }
    throw new Error(`the OpenAPI document has no operation ${operationId} on the served paths`);
  }

  /** A component schema (`#/components/schemas/<name>`) with its `$ref`s resolved. */
  componentSchema(name: string): Schema {
    const schema = this.raw.components?.schemas?.[name];
    if (schema === undefined) throw new Error(`the OpenAPI document has no component schema ${name}`);
    return this.resolve(schema);
  }

  /** Which served path template a request path matches, with its path parameters. */
  match(path: string): { template: string; pathParams: Map<string, readonly string[]> } | undefined {
    for (const matcher of this.matchers) {
      const found = matcher.pattern.exec(path);
      if (found === null) continue;
      const pathParams = new Map<string, readonly string[]>();
      matcher.names.forEach((name, index) => pathParams.set(name, [decodeURIComponent(found[index + 1])]));
      return { template: matcher.template, pathParams };
    }
    return undefined;
  }

  private parametersSchema(parameters: RawParameter[]): Schema {
    const properties: Record<string, Schema> = {};
    for (const parameter of parameters) properties[parameter.name] = this.resolve(parameter.schema ?? {});
    return {
      type: 'object',
      properties,
      required: parameters.filter((p) => p.required === true || p.in === 'path').map((p) => p.name),
    };
  }

  /** Replaces every `$ref` (local, `#/...`) by what it points at, recursively. */
  private resolve(node: unknown, seen: readonly string[] = []): Schema {
    return this.resolveNode(node, seen) as Schema;
  }

  private resolveNode(node: unknown, seen: readonly string[]): unknown {
    if (Array.isArray(node)) return node.map((item) => this.resolveNode(item, seen));
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string') {
      if (seen.includes(ref)) throw new Error(`circular $ref ${ref}`);
      return this.resolveNode(this.pointer(ref), [...seen, ref]);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      // Descriptions and examples are large and never validated against.
      if (key === 'description' || key === 'examples' || key === 'example') continue;
      out[key] = this.resolveNode(value, seen);
    }
    return out;
  }

  private pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    let node: unknown = this.raw;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }
}

/** "/A/{X}/B/{Y}.json" -> /^\/A\/([^/]+)\/B\/([^/]+)\.json$/ with names [X, Y]. */
function compileTemplate(template: string): PathMatcher {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param !== null) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { template, pattern: new RegExp(`^${source}$`), names };
}
