import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readCreateMessageRequest } from './create-message-request';
import type { DeliverySimulator } from './delivery-simulator';
import type { FailureRules } from './failure-rules';
import { TWILIO_FORMATS } from './formats';
import { maskPhone } from './mask-phone';
import { basicCredentials, formParams, formToRecord, isFormBody, readBody, sendEmpty, sendJson } from './http-io';
import { API_VERSION, newMessageResource, type MessageResource } from './message-resource';
import type { MessageStore } from './message-store';
import type { HttpMethod, OpenApiDocument, Operation } from './openapi-document';
import type { RecordedMessage } from './recorded-message';
import { validateForm, type FormParams, type TypedParams } from './schema-validator';
import { TwilioApiError } from './twilio-api-error';
import { twilioErrorCode } from './twilio-error-codes';

/** The Messages resource's two paths in Twilio's OpenAPI document: the ones this endpoint serves. */
export const MESSAGES_PATHS = ['/2010-04-01/Accounts/{AccountSid}/Messages.json', '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json'] as const;

/** The operations of those paths; start-up fails if the document lacks one. */
const OPERATIONS = ['CreateMessage', 'ListMessage', 'FetchMessage', 'UpdateMessage', 'DeleteMessage'] as const;
type OperationId = (typeof OPERATIONS)[number];

export interface MessagesApiDeps {
  document: OpenApiDocument;
  store: MessageStore;
  failures: FailureRules;
  delivery: DeliverySimulator;
  accountSid: string;
  authToken: string;
  log: (line: string) => void;
}

/** A validated request to one operation. */
interface Call {
  operation: Operation;
  path: string;
  pathParams: TypedParams;
  query: TypedParams;
  /** The form as received (for the record) and read as the schema's types. */
  form: FormParams;
  body: TypedParams;
  bodyIssues: ReturnType<typeof validateForm>['issues'];
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * Twilio's Messages resource, as its OpenAPI document describes it: every request is matched
 * against the document's path templates, authenticated with HTTP Basic (account SID, auth
 * token), and its path, query and form parameters validated against the operation's schemas
 * before the handler runs. Refusals carry Twilio's error body and codes.
 */
export class TwilioMessagesApi {
  private readonly operations: Map<string, Operation>;

  constructor(private readonly deps: MessagesApiDeps) {
    this.operations = new Map(OPERATIONS.map((id) => [id, deps.document.operationById(id)]));
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const call = await this.validate(req, url);
      await this.dispatch(call, req, res);
    } catch (error) {
      if (!(error instanceof TwilioApiError)) throw error;
      const headers: Record<string, string> = error.code === 20003 ? { 'www-authenticate': 'Basic realm="Twilio API"' } : {};
      sendJson(res, error.status, error.body(), headers);
    }
  }

  private async validate(req: IncomingMessage, url: URL): Promise<Call> {
    const path = url.pathname;
    const matched = this.deps.document.match(path);
    if (matched === undefined) throw notFound(path);

    const credentials = basicCredentials(req.headers.authorization);
    if (credentials === undefined || credentials.username !== this.deps.accountSid || !sameSecret(credentials.password, this.deps.authToken)) {
      throw new TwilioApiError(20003, 'Authenticate', { detail: 'Your AccountSid or AuthToken was incorrect.' });
    }

    const method = (req.method ?? 'GET').toLowerCase();
    const operation = isServedMethod(method) ? this.deps.document.operation(matched.template, method) : undefined;
    if (operation === undefined) throw new TwilioApiError(20004, 'Method not allowed');

    // A path parameter that does not match its pattern names no resource: 404, as Twilio answers.
    const pathResult = validateForm(operation.pathSchema, matched.pathParams, TWILIO_FORMATS);
    if (pathResult.issues.length > 0) throw notFound(path);
    if (pathResult.params.AccountSid !== this.deps.accountSid) {
      throw new TwilioApiError(20003, 'Authenticate', { detail: `The credentials do not give access to account ${String(pathResult.params.AccountSid)}.` });
    }

    const queryResult = validateForm(operation.querySchema, formParams(url.searchParams), TWILIO_FORMATS);
    const invalidQuery = queryResult.issues.find((issue) => issue.kind !== 'unknown') ?? queryResult.issues[0];
    if (invalidQuery !== undefined) {
      throw invalidQuery.kind === 'unknown'
        ? new TwilioApiError(20001, `Unknown parameters: ${queryResult.issues.map((issue) => issue.name).join(', ')}`)
        : new TwilioApiError(400, `Invalid parameter ${invalidQuery.name}: ${invalidQuery.message}`);
    }

    let form: FormParams = new Map();
    if (operation.method === 'post') {
      const text = await readBody(req);
      // Twilio reads form bodies only; a JSON body reaches it as no parameters at all.
      if (isFormBody(req)) form = formParams(text);
    }
    const bodyResult = operation.formSchema === undefined ? { issues: [], params: {} } : validateForm(operation.formSchema, form, TWILIO_FORMATS);
    return { operation, path, pathParams: pathResult.params, query: queryResult.params, form, body: bodyResult.params, bodyIssues: bodyResult.issues };
  }

  private async dispatch(call: Call, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = call.operation.operationId as OperationId;
    switch (id) {
      case 'CreateMessage':
        return this.create(call, req, res);
      case 'ListMessage':
        return this.list(call, res);
      case 'FetchMessage':
        return sendJson(res, 200, this.existing(call).message);
      case 'UpdateMessage':
        return this.update(call, res);
      case 'DeleteMessage':
        return this.remove(call, res);
    }
  }

  private async create(call: Call, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = readCreateMessageRequest(call.bodyIssues, call.body);
    const { failures, store, delivery } = this.deps;

    const reject = failures.take(request.to, 'reject');
    if (reject !== undefined && reject.code !== null) {
      this.deps.log(`CreateMessage to ${maskPhone(request.to)}: refused with ${reject.code} (told to)`);
      throw rejection(reject.code, request.to);
    }
    const failure = failures.take(request.to, 'fail-delivery');
    const loseAnswer = failures.take(request.to, 'lose-answer') !== undefined;

    const message = newMessageResource({
      accountSid: this.deps.accountSid,
      to: request.to,
      from: request.from,
      messagingServiceSid: request.messagingServiceSid,
      body: request.body,
      numMedia: request.mediaUrls.length,
      direction: 'outbound-api',
      // Through a Messaging Service without a From, Twilio first accepts, then queues.
      status: request.from === null ? 'accepted' : 'queued',
      now: new Date(),
    });
    const record: RecordedMessage = {
      message,
      statusCallback: request.statusCallback,
      plannedFailure:
        failure !== undefined && failure.code !== null && failure.deliveryStatus !== null ? { code: failure.code, status: failure.deliveryStatus } : null,
      webhooks: [],
      answerLost: loseAnswer,
      deleted: false,
      requestParams: formToRecord(call.form),
    };
    const snapshot = JSON.stringify(message);
    await store.apply({ type: 'recorded', record });
    const sid = message.sid as string;

    if (loseAnswer) {
      // The message exists (Twilio accepted it) but the sender never hears so.
      this.deps.log(`CreateMessage ${sid} to ${maskPhone(request.to)}: recorded, answer lost (told to)`);
      req.socket.destroy();
      delivery.enqueue(sid);
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(snapshot) });
    // Status callbacks start once the answer has left, as Twilio's come after its response.
    res.end(snapshot, () => delivery.enqueue(sid));
  }

  private list(call: Call, res: ServerResponse): void {
    const q = call.query;
    const pageSize = typeof q.PageSize === 'number' ? q.PageSize : DEFAULT_PAGE_SIZE;
    const page = typeof q.Page === 'number' ? q.Page : 0;
    const day = (value: unknown): number | undefined => (typeof value === 'string' ? Date.parse(value) : undefined);
    const on = day(q.DateSent);
    const before = day(q['DateSent<']);
    const after = day(q['DateSent>']);
    const matching = this.deps.store
      .list({ to: str(q.To), from: str(q.From), includeDeleted: false })
      .filter((record) => {
        if (on === undefined && before === undefined && after === undefined) return true;
        const sent = record.message.date_sent === null ? undefined : Date.parse(record.message.date_sent);
        if (sent === undefined) return false;
        if (on !== undefined && new Date(sent).toISOString().slice(0, 10) !== new Date(on).toISOString().slice(0, 10)) return false;
        if (before !== undefined && sent > before) return false;
        if (after !== undefined && sent < after) return false;
        return true;
      })
      .reverse(); // Twilio lists the most recent first
    const start = page * pageSize;
    const messages: MessageResource[] = matching.slice(start, start + pageSize).map((record) => record.message);

    const base = `/${API_VERSION}/Accounts/${this.deps.accountSid}/Messages.json`;
    const filters = new URLSearchParams();
    for (const name of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
      const value = q[name];
      if (typeof value === 'string') filters.set(name, value);
    }
    const pageUri = (n: number, token?: string): string => {
      const params = new URLSearchParams(filters);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(n));
      if (token !== undefined) params.set('PageToken', token);
      return `${base}?${params.toString()}`;
    };
    const hasNext = start + pageSize < matching.length;
    sendJson(res, 200, {
      messages,
      end: start + Math.max(messages.length - 1, 0),
      first_page_uri: pageUri(0),
      next_page_uri: hasNext ? pageUri(page + 1, `PA${start + pageSize}`) : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? pageUri(page - 1, `PB${Math.max(start - pageSize, 0)}`) : null,
      start,
      uri: pageUri(page, typeof q.PageToken === 'string' ? q.PageToken : undefined),
    });
  }

  private async update(call: Call, res: ServerResponse): Promise<void> {
    const record = this.existing(call);
    const issue = call.bodyIssues[0];
    if (issue !== undefined) {
      throw issue.kind === 'unknown'
        ? new TwilioApiError(20001, `Unknown parameters: ${call.bodyIssues.map((i) => i.name).join(', ')}`)
        : new TwilioApiError(400, `Invalid parameter ${issue.name}: ${issue.message}`);
    }
    if (call.body.Status === 'canceled') {
      // Only a scheduled message can be canceled, and the endpoint schedules none.
      throw new TwilioApiError(30409, 'This message cannot be canceled.');
    }
    if (call.body.Body !== undefined) {
      if (call.body.Body !== '') throw new TwilioApiError(400, 'Invalid parameter Body: a message can only be redacted, by setting Body to an empty string.');
      await this.deps.store.apply({ type: 'redacted', sid: record.message.sid as string, at: new Date().toISOString() });
    }
    sendJson(res, 200, record.message);
  }

  private async remove(call: Call, res: ServerResponse): Promise<void> {
    const record = this.existing(call);
    await this.deps.store.apply({ type: 'deleted', sid: record.message.sid as string });
    sendEmpty(res, 204);
  }

  /** The message a Messages/{Sid}.json request names, or 404 as Twilio answers. */
  private existing(call: Call): RecordedMessage {
    const record = this.deps.store.get(String(call.pathParams.Sid));
    if (record === undefined || record.deleted || record.message.account_sid !== this.deps.accountSid) throw notFound(call.path);
    return record;
  }
}

function isServedMethod(method: string): method is HttpMethod {
  return method === 'get' || method === 'post' || method === 'delete';
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function notFound(path: string): TwilioApiError {
  return new TwilioApiError(20404, `The requested resource ${path} was not found`);
}

/** The error Twilio answers with for a refusal the endpoint was told to make. */
function rejection(code: number, to: string): TwilioApiError {
  const known = twilioErrorCode(code);
  const message =
    code === 21211
      ? `The 'To' number ${to} is not a valid phone number.`
      : code === 21610
        ? 'Attempt to send to unsubscribed recipient'
        : (known?.title ?? 'Bad Request');
  return new TwilioApiError(code, message, { status: known?.httpStatus });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

