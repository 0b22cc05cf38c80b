import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlInputError } from './control-input-error';
import { parseFailureRule, type FailureRules } from './failure-rules';
import { readBody, sendEmpty, sendHtml, sendJson } from './http-io';
import { parseInboundInput, type InboundSimulator } from './inbound-simulator';
import { renderInboxPage } from './inbox-page';
import type { MessageDirection, MessageStatus } from './message-resource';
import type { MessageFilter, MessageStore } from './message-store';
import { TWILIO_ERROR_CODES } from './twilio-error-codes';

/** Every control route is under this prefix, which no Twilio path starts with. */
export const CONTROL_PREFIX = '/_local';

export interface ControlApiDeps {
  store: MessageStore;
  failures: FailureRules;
  inbound: InboundSimulator;
  accountSid: string;
  /** What /_local/health reports about the served description. */
  specTitle: string;
  specSource: string;
  startedAt: Date;
}

const STATUSES: readonly MessageStatus[] = [
  'queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'receiving', 'received', 'accepted', 'scheduled', 'read', 'partially_delivered', 'canceled',
];
const DIRECTIONS: readonly MessageDirection[] = ['inbound', 'outbound-api', 'outbound-call', 'outbound-reply'];
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 100_000;

/**
 * The endpoint's own API for developers, tests and the demo (no authentication: it listens on
 * loopback only). See docs/infra.md for the routes.
 */
export class ControlApi {
  constructor(private readonly deps: ControlApiDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      await this.route(req, res, url);
    } catch (error) {
      if (error instanceof ControlInputError) {
        sendJson(res, 400, { error: error.message, field: error.field });
        return;
      }
      if (error instanceof SyntaxError) {
        sendJson(res, 400, { error: `the body is not JSON: ${error.message}`, field: 'body' });
        return;
      }
      throw error;
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const { store, failures } = this.deps;
    const sidMatch = /^\/_local\/messages\/([A-Za-z0-9]+)$/.exec(path);
    const ruleMatch = /^\/_local\/failures\/([0-9a-f-]+)$/.exec(path);

    if (path === '/' && method === 'GET') return sendEmpty(res, 302, { location: `${CONTROL_PREFIX}/inbox` });
    if (path === '/_local/health' && method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        accountSid: this.deps.accountSid,
        spec: this.deps.specTitle,
        specSource: this.deps.specSource,
        messages: store.size,
        failureRules: failures.list().length,
        startedAt: this.deps.startedAt.toISOString(),
      });
    }
    if (path === '/_local/inbox' && method === 'GET') {
      const to = url.searchParams.get('to') ?? '';
      const all = store.list(to === '' ? {} : { to });
      return sendHtml(res, 200, renderInboxPage({ records: all.slice(-200).reverse(), total: all.length, to, accountSid: this.deps.accountSid }));
    }
    if (path === '/_local/messages' && method === 'GET') {
      const filter = messageFilter(url.searchParams);
      const limit = intParam(url.searchParams, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = intParam(url.searchParams, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const order = url.searchParams.get('order') ?? 'asc';
      if (order !== 'asc' && order !== 'desc') throw new ControlInputError('order', "'order' must be asc (oldest first) or desc");
      const all = store.list(filter);
      if (order === 'desc') all.reverse();
      return sendJson(res, 200, { total: all.length, offset, messages: all.slice(offset, offset + limit) });
    }
    if (path === '/_local/messages' && method === 'DELETE') {
      return sendJson(res, 200, { cleared: await store.clear() });
    }
    if (path === '/_local/recipients' && method === 'GET') {
      const counts: Record<string, number> = {};
      for (const record of store.list(messageFilter(url.searchParams))) {
        const to = record.message.to ?? '';
        counts[to] = (counts[to] ?? 0) + 1;
      }
      return sendJson(res, 200, { recipients: counts });
    }
    if (sidMatch !== null && method === 'GET') {
      const record = store.get(sidMatch[1]);
      return record === undefined ? sendJson(res, 404, { error: `no message ${sidMatch[1]} in the record` }) : sendJson(res, 200, record);
    }
    if (path === '/_local/failures' && method === 'GET') return sendJson(res, 200, { rules: failures.list() });
    if (path === '/_local/failures' && method === 'POST') {
      const rule = parseFailureRule(JSON.parse(await readBody(req)) as unknown, new Date());
      failures.add(rule);
      return sendJson(res, 201, rule);
    }
    if (path === '/_local/failures' && method === 'DELETE') return sendJson(res, 200, { cleared: failures.clear() });
    if (ruleMatch !== null && method === 'DELETE') {
      return failures.remove(ruleMatch[1]) ? sendEmpty(res, 204) : sendJson(res, 404, { error: `no failure rule ${ruleMatch[1]}` });
    }
    if (path === '/_local/inbound' && method === 'POST') {
      const input = parseInboundInput(JSON.parse(await readBody(req)) as unknown);
      return sendJson(res, 200, await this.deps.inbound.simulate(input));
    }
    if (path === '/_local/error-codes' && method === 'GET') return sendJson(res, 200, { codes: TWILIO_ERROR_CODES });
    sendJson(res, 404, { error: `no control route ${method} ${path} (see docs/infra.md, "Local Twilio endpoint")` });
  }
}

function messageFilter(params: URLSearchParams): MessageFilter {
  const filter: MessageFilter = {};
  const to = params.get('to');
  const from = params.get('from');
  const status = params.get('status');
  const direction = params.get('direction');
  const since = params.get('since');
  if (to !== null) filter.to = to;
  if (from !== null) filter.from = from;
  if (status !== null) {
    const known = STATUSES.find((s) => s === status);
    if (known === undefined) throw new ControlInputError('status', `'status' must be one of ${STATUSES.join(', ')}`);
    filter.status = known;
  }
  if (direction !== null) {
    const known = DIRECTIONS.find((d) => d === direction);
    if (known === undefined) throw new ControlInputError('direction', `'direction' must be one of ${DIRECTIONS.join(', ')}`);
    filter.direction = known;
  }
  if (since !== null) {
    const at = new Date(since);
    if (Number.isNaN(at.getTime())) throw new ControlInputError('since', "'since' must be an ISO-8601 time (messages created at or after it)");
    filter.createdSince = at;
  }
  return filter;
}

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new ControlInputError(name, `'${name}' must be an integer from ${min} to ${max}`);
  return value;
}
