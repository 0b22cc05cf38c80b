import { randomUUID } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isObject, jsonSchemaOf, type Json, type JsonObject } from './json-schema-of';
import { signedFetch } from '../signed-fetch';
import { ValidValues, type Fill } from './valid-values';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DOCUMENT_ID = 'openapi';

/** Who the requests come from: the headers the gateway would set (staff or shopper), or nobody. */
export type Caller = Record<string, string>;

export interface ContractCheckOptions {
  /** The service's base URL (its openapi.json is at `<url>/openapi.json`). */
  readonly url: string;
  /** Headers naming an authorised caller, as the gateway sets them. */
  readonly caller: Caller;
}

interface Operation {
  readonly path: string;
  readonly method: (typeof METHODS)[number];
  readonly id: string;
  readonly spec: JsonObject;
}

interface Sent {
  readonly label: string;
  readonly operation: Operation;
  readonly status: number;
  readonly contentType: string;
  readonly body: Json | undefined;
  /** Whether the request was valid by the document (a 400 from the validation pipe is then a lie of the document). */
  readonly valid: boolean;
}

/**
 * Calls every operation of a live service's OpenAPI document as a client generated from it
 * would (schema-valid requests, with the required fields only and with every field, without the
 * caller's identity, and with an undocumented field), and lists every answer the document does
 * not describe: a status it does not declare, a body that does not match the declared schema
 * for that status and content type, or a schema-valid request refused by the validation pipe.
 */
export async function openApiContractViolations(options: ContractCheckOptions): Promise<{ operations: number; requests: number; succeeded: number; violations: string[] }> {
  const response = await fetch(`${options.url}/openapi.json`);
  const document = (await response.json()) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(jsonSchemaOf(document, `${DOCUMENT_ID}`) as JsonObject, DOCUMENT_ID);
  const values = new ValidValues(document);
  const created = new Map<string, string>();
  const violations: string[] = [];
  let requests = 0;
  // 2xx answers: a run refused wholesale (a guard, a wrong secret) would otherwise pass on its declared 401s.
  let succeeded = 0;

  for (const operation of operationsInCallOrder(document)) {
    for (const request of requestsFor(operation, values, created, options.caller)) {
      const sent = await send(options.url, operation, request);
      requests += 1;
      if (sent.status >= 200 && sent.status < 300) succeeded += 1;
      if (process.env.ATRIUM_CONTRACT_TRACE) process.stderr.write(`${sent.label} -> ${sent.status} ${JSON.stringify(sent.body)?.slice(0, 160)}\n`);
      violations.push(...violationsOf(sent, ajv, values));
      rememberCreated(sent, created);
    }
  }
  return { operations: operationsInCallOrder(document).length, requests, succeeded, violations };
}

function operationsInCallOrder(document: JsonObject): Operation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const spec = isObject(item) ? item[method] : undefined;
      return isObject(spec) ? [{ path, method, id: `${method.toUpperCase()} ${path}`, spec }] : [];
    }),
  );
  // Creations first (their ids fill later paths), deletions last.
  const rank = (operation: Operation): number => (operation.method === 'delete' ? 2 : operation.method === 'post' && !operation.path.includes('{') ? 0 : 1);
  return operations.sort((a, b) => rank(a) - rank(b));
}

interface PlannedRequest {
  readonly label: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  readonly body?: Json;
  readonly valid: boolean;
}

function parametersOf(operation: Operation, values: ValidValues): JsonObject[] {
  return (Array.isArray(operation.spec.parameters) ? operation.spec.parameters : []).map((parameter) => values.resolve(parameter));
}

/** The collection a path parameter names: the segment before it (`/members/{id}` → members). */
function collectionOf(path: string, name: string): string | undefined {
  const segments = path.split('/');
  const index = segments.indexOf(`{${name}}`);
  return index > 0 ? segments[index - 1] : undefined;
}

function requestsFor(operation: Operation, values: ValidValues, created: Map<string, string>, caller: Caller): PlannedRequest[] {
  const bodySchema = requestBodySchema(operation, values);
  const plan = (label: string, fill: Fill, headers: Record<string, string>, extra?: JsonObject): PlannedRequest => {
    let path = operation.path;
    const query = new URLSearchParams();
    const sentHeaders: Record<string, string> = {};
    for (const parameter of parametersOf(operation, values)) {
      const name = typeof parameter.name === 'string' ? parameter.name : '';
      const wanted = parameter.in === 'path' || parameter.required === true || fill === 'all';
      if (!wanted) continue;
      const known = parameter.in === 'path' ? created.get(collectionOf(operation.path, name) ?? '') : undefined;
      const value = known ?? values.of(parameter.schema, fill);
      const text = (Array.isArray(value) ? value : [value]).map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)));
      if (parameter.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(text[0] ?? ''));
      else if (parameter.in === 'query') text.forEach((item) => query.append(name, item));
      else if (parameter.in === 'header' && !(name.toLowerCase() in headers)) sentHeaders[name.toLowerCase()] = text[0] ?? '';
    }
    const body = bodySchema === undefined ? undefined : withExtra(values.of(bodySchema, fill), extra);
    return { label, path, query, headers: { ...sentHeaders, ...headers }, body, valid: extra === undefined };
  };
  const requests = [plan('required fields', 'required', caller), plan('every field', 'all', caller), plan('no caller', 'required', {})];
  if (bodySchema !== undefined && isObject(values.of(bodySchema, 'required'))) requests.push(plan('an undocumented field', 'required', caller, { undocumentedField: 1 }));
  return requests;
}

function withExtra(body: Json, extra: JsonObject | undefined): Json {
  return extra && isObject(body) ? { ...body, ...extra } : body;
}

function requestBodySchema(operation: Operation, values: ValidValues): Json | undefined {
  const body = values.resolve(operation.spec.requestBody);
  const content = isObject(body.content) ? body.content['application/json'] : undefined;
  return isObject(content) ? (content.schema ?? {}) : undefined;
}

async function send(url: string, operation: Operation, request: PlannedRequest): Promise<Sent> {
  const query = request.query.toString();
  // Signed as the gateway signs every request it forwards: an unsigned one only ever gets the guard's 401.
  const response = await signedFetch(`${url}${request.path}${query ? `?${query}` : ''}`, {
    method: operation.method.toUpperCase(),
    headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  let body: Json | undefined;
  try {
    body = text ? (JSON.parse(text) as Json) : undefined;
  } catch {
    body = text;
  }
  return { label: `${operation.id} (${request.label})`, operation, status: response.status, contentType, body, valid: request.valid };
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(ajv: Ajv, schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(jsonSchemaOf(schema, DOCUMENT_ID) as JsonObject);
    compiled.set(key, validate);
  }
  return validate;
}

function violationsOf(sent: Sent, ajv: Ajv, values: ValidValues): string[] {
  const answered = `answered ${sent.status} ${JSON.stringify(sent.body)?.slice(0, 300)}`;
  const responses = isObject(sent.operation.spec.responses) ? sent.operation.spec.responses : {};
  const declared = responses[String(sent.status)] ?? responses.default;
  if (sent.status >= 500) return [`${sent.label}: ${answered}`];
  if (sent.valid && sent.status === 400 && isObject(sent.body) && sent.body.code === 'request.invalid') {
    return [`${sent.label}: a request valid by the document was refused: ${answered}`];
  }
  if (declared === undefined) return [`${sent.label}: status ${sent.status} is not declared; ${answered}`];
  const response = values.resolve(declared);
  const content = isObject(response.content) ? response.content : {};
  if (sent.body === undefined) return [];
  const media = content[sent.contentType];
  if (!isObject(media)) return [`${sent.label}: ${sent.status} declares no ${sent.contentType || 'body'} (declared: ${Object.keys(content).join(', ') || 'none'}); ${answered}`];
  if (media.schema === undefined) return [];
  let validate: ValidateFunction;
  try {
    validate = validatorFor(ajv, media.schema);
  } catch (error) {
    return [`${sent.label}: the ${sent.status} schema is broken: ${(error as Error).message}`];
  }
  if (validate(sent.body)) return [];
  return [`${sent.label}: the ${sent.status} body does not match its schema: ${ajv.errorsText(validate.errors)}; ${answered}`];
}

function rememberCreated(sent: Sent, created: Map<string, string>): void {
  if (sent.operation.method !== 'post' || sent.status >= 300 || !isObject(sent.body) || typeof sent.body.id !== 'string') return;
  const collection = sent.operation.path.split('/').filter(Boolean).at(-1);
  if (collection && !collection.startsWith('{')) created.set(collection, sent.body.id);
}

/** A caller as the gateway names a staff member with every role, for requests that need one. */
export function staffCaller(roles: readonly string[] = ['admin', 'supervisor', 'finance', 'desk']): Caller {
  return { 'x-atrium-staff': `contract-${randomUUID().slice(0, 8)}`, 'x-atrium-roles': roles.join(',') };
}
