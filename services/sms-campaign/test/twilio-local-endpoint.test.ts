// The official twilio SDK, built by the service's own factory, against the local
// Twilio-compatible endpoint that `scripts/infra up` (the integration global setup) starts.
// No mock of the SDK: every assertion is about what the SDK, the endpoint and a webhook
// receiver really exchanged. Each test uses its own random recipient numbers, so tests (and
// other suites using the endpoint) never see each other's messages.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import twilio from 'twilio';
import { infraDir, waitFor } from '@atrium/testing';
import { createTwilioClient } from '../src/twilio/twilio-client.factory';

interface TwilioEnv {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
}

/** The endpoint's address and credentials: from the environment, else from the infra env file (scripts/infra up). */
function twilioEnv(): TwilioEnv {
  const file = path.join(infraDir(), 'env');
  const fromFile = new Map<string, string>();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith('#')) fromFile.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
  } catch {
    // no .infra/env: the variables must come from the environment
  }
  const read = (name: string): string => {
    const value = process.env[name]?.trim() || fromFile.get(name);
    if (!value) throw new Error(`${name} is not set and ${file} does not say it: run scripts/infra up`);
    return value;
  };
  return { accountSid: read('TWILIO_ACCOUNT_SID'), authToken: read('TWILIO_AUTH_TOKEN'), apiBaseUrl: read('TWILIO_API_BASE_URL') };
}

/** A Hong Kong mobile number no other test uses. */
const shopperNumber = (): string => `+8529${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const SENDER = '+85230001234';

/** A request a webhook receiver got, and whether its X-Twilio-Signature was valid for it. */
interface ReceivedWebhook {
  path: string;
  url: string;
  params: Record<string, string>;
  signature: string;
  valid: boolean;
}

/** A tiny HTTP server standing in for our webhook routes: checks every signature with the SDK. */
class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server: Server | undefined;
  private port = 0;

  constructor(
    private readonly authToken: string,
    /** The answer to an inbound message with this Body (TwiML), if any. */
    private readonly replies: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const url = this.url(req.url ?? '/');
        const signature = String(req.headers['x-twilio-signature'] ?? '');
        const valid = twilio.validateRequest(this.authToken, signature, url, params);
        this.received.push({ path: (req.url ?? '/').split('?')[0], url, params, signature, valid });
        if (!valid) {
          res.writeHead(403).end();
          return;
        }
        const reply = this.replies[params.Body ?? ''];
        res.writeHead(200, { 'content-type': 'text/xml' }).end(reply ?? '<Response/>');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(pathAndQuery: string): string {
    return `http://127.0.0.1:${this.port}${pathAndQuery}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Posts a webhook to itself as Twilio would, e.g. a forged or tampered one; returns the HTTP status. */
  async post(pathAndQuery: string, params: Record<string, string>, signature: string): Promise<number> {
    const response = await fetch(this.url(pathAndQuery), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    return response.status;
  }
}

/** What GET /_local/messages answers (the endpoint's record). */
interface InboxEntry {
  message: { sid: string; to: string; from: string | null; body: string; status: string; direction: string; error_code: number | null };
  statusCallback: string | null;
  webhooks: Array<{ status: string; httpStatus: number | null }>;
  answerLost: boolean;
}

describe('local Twilio-compatible endpoint through the twilio SDK', () => {
  const env = twilioEnv();
  const client = createTwilioClient({ accountSid: env.accountSid, authToken: env.authToken, apiBaseUrl: env.apiBaseUrl });
  const messagesUrl = `${env.apiBaseUrl}/2010-04-01/Accounts/${env.accountSid}/Messages.json`;
  const basicAuth = `Basic ${Buffer.from(`${env.accountSid}:${env.authToken}`).toString('base64')}`;
  const receiver = new WebhookReceiver(env.authToken, { HELP: '<Response><Message>會員熱線 2345 6789 / Reply STOP to opt out</Message></Response>' });
  const ruleIds: string[] = [];

  /** The endpoint's record of the messages to a number (or matching another filter of /_local/messages). */
  async function inbox(to: string | Record<string, string>): Promise<InboxEntry[]> {
    const filter = new URLSearchParams(typeof to === 'string' ? { to } : to);
    const response = await fetch(`${env.apiBaseUrl}/_local/messages?${filter.toString()}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: InboxEntry[] }).messages;
  }

  async function failNumber(rule: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${env.apiBaseUrl}/_local/failures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
    expect(response.status).toBe(201);
    ruleIds.push(((await response.json()) as { id: string }).id);
  }

  /** POSTs a form to the Messages resource directly: for requests the SDK would never send. */
  async function postForm(form: Record<string, string>, authorization = basicAuth): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(messagesUrl, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  afterEach(async () => {
    for (const id of ruleIds.splice(0)) await fetch(`${env.apiBaseUrl}/_local/failures/${id}`, { method: 'DELETE' });
  });

  it('creates a message with messages.create and records it in the inbox, where the SDK reads it back', async () => {
    const to = shopperNumber();
    const created = await client.messages.create({ to, from: SENDER, body: '陳先生，您有 120 積分將於 3 月 31 日到期。回T退訂' });

    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created).toEqual(expect.objectContaining({ to, from: SENDER, status: 'queued', direction: 'outbound-api', accountSid: env.accountSid, numSegments: '1' }));

    const recorded = await inbox(to);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].message).toEqual(expect.objectContaining({ sid: created.sid, to, body: created.body }));

    const delivered = await waitFor('the message to be delivered', async () => {
      const fetched = await client.messages(created.sid).fetch();
      return fetched.status === 'delivered' ? fetched : undefined;
    });
    expect(delivered.dateSent).toBeInstanceOf(Date);
    const listed = await client.messages.list({ to, limit: 5 });
    expect(listed.map((m) => m.sid)).toEqual([created.sid]);
  });

  it('filters its record by creation time with since, and refuses a since that is not a time', async () => {
    const to = shopperNumber();
    const created = await client.messages.create({ to, from: SENDER, body: 'Since filter' });
    const createdAt = new Date(created.dateCreated);
    expect((await inbox({ to, since: new Date(createdAt.getTime() - 60_000).toISOString() })).map((entry) => entry.message.sid)).toEqual([created.sid]);
    expect(await inbox({ to, since: new Date(createdAt.getTime() + 60_000).toISOString() })).toEqual([]);
    const refused = await fetch(`${env.apiBaseUrl}/_local/messages?since=yesterday`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('since');
  });

  it("rejects a request without 'To' with Twilio's 21604, and records nothing", async () => {
    const sender = shopperNumber(); // a From of its own, to look the record up by
    const { status, body } = await postForm({ From: sender, Body: 'no recipient' });
    expect(status).toBe(400);
    expect(body).toEqual({ code: 21604, message: "A 'To' phone number is required.", more_info: 'https://www.twilio.com/docs/errors/21604', status: 400 });
    expect(await inbox({ from: sender })).toEqual([]);
  });

  it('rejects what the OpenAPI description does not allow: an unknown parameter, a wrong enum value, a bad To, no body', async () => {
    const to = shopperNumber();
    expect(await postForm({ To: to, From: SENDER, Body: 'x', Colour: 'red' })).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 20001, message: 'Unknown parameters: Colour' }) as unknown,
    });
    expect((await postForm({ To: to, From: SENDER, Body: 'x', ContentRetention: 'forever' })).body).toEqual(
      expect.objectContaining({ code: 400, message: expect.stringContaining('ContentRetention') as unknown }),
    );
    expect((await postForm({ To: '91234567', From: SENDER, Body: 'x' })).body).toEqual(expect.objectContaining({ code: 21211, status: 400 }));
    expect((await postForm({ To: to, From: SENDER })).body).toEqual(expect.objectContaining({ code: 21602, message: 'Message body is required.' }));
    expect(await inbox(to)).toEqual([]);
  });

  it('refuses wrong credentials with 20003 (HTTP 401), through the SDK too', async () => {
    const bad = `Basic ${Buffer.from(`${env.accountSid}:${'0'.repeat(32)}`).toString('base64')}`;
    expect(await postForm({ To: shopperNumber(), From: SENDER, Body: 'x' }, bad)).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 20003, message: 'Authenticate' }) as unknown,
    });
    const impostor = createTwilioClient({ accountSid: env.accountSid, authToken: 'f'.repeat(32), apiBaseUrl: env.apiBaseUrl });
    await expect(impostor.messages.create({ to: shopperNumber(), from: SENDER, body: 'x' })).rejects.toEqual(
      expect.objectContaining({ status: 401, code: 20003 }),
    );
  });

  it('an injected 21610 (unsubscribed recipient) surfaces as a RestException with code 21610', async () => {
    const to = shopperNumber();
    await failNumber({ to, code: 21610 });

    const error = await client.messages.create({ to, from: SENDER, body: 'Spring sale' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toEqual(
      expect.objectContaining({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient', moreInfo: 'https://www.twilio.com/docs/errors/21610' }),
    );
    expect(await inbox(to)).toEqual([]);
  });

  it('an injected 20429 answers HTTP 429 until the rule is used up', async () => {
    const to = shopperNumber();
    await failNumber({ to, code: 20429, times: 1 });
    await expect(client.messages.create({ to, from: SENDER, body: 'x' })).rejects.toEqual(expect.objectContaining({ status: 429, code: 20429 }));
    const retried = await client.messages.create({ to, from: SENDER, body: 'x' });
    expect(retried.status).toBe('queued');
  });

  it('posts status callbacks queued → sent → delivered, signed as Twilio signs them; a tampered one is refused', async () => {
    const to = shopperNumber();
    const callbackPath = `/twilio/status?campaign=${randomInt(1_000_000)}`;
    const created = await client.messages.create({ to, from: SENDER, body: 'Reply STOP to opt out', statusCallback: receiver.url(callbackPath) });

    const callbacks = await waitFor('three status callbacks', () => {
      const mine = receiver.received.filter((r) => r.params.MessageSid === created.sid);
      return Promise.resolve(mine.length >= 3 ? mine : undefined);
    });
    expect(callbacks.map((c) => c.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    for (const callback of callbacks) {
      expect(callback.valid).toBe(true);
      expect(callback.url).toBe(receiver.url(callbackPath));
      expect(callback.params).toEqual(
        expect.objectContaining({ AccountSid: env.accountSid, MessageSid: created.sid, SmsSid: created.sid, To: to, From: SENDER, ApiVersion: '2010-04-01' }),
      );
    }

    const delivered = callbacks[2];
    const tampered = { ...delivered.params, MessageStatus: 'failed', ErrorCode: '30003' };
    expect(twilio.validateRequest(env.authToken, delivered.signature, delivered.url, tampered)).toBe(false);
    expect(await receiver.post(callbackPath, tampered, delivered.signature)).toBe(403);
    expect(await receiver.post(callbackPath.replace('campaign=', 'campaign=9'), delivered.params, delivered.signature)).toBe(403);

    const [entry] = await waitFor('the record of three answered callbacks', async () => {
      const entries = await inbox(to);
      return entries[0]?.webhooks.length === 3 ? entries : undefined;
    });
    expect(entry.webhooks).toEqual([
      expect.objectContaining({ status: 'queued', httpStatus: 200 }),
      expect.objectContaining({ status: 'sent', httpStatus: 200 }),
      expect.objectContaining({ status: 'delivered', httpStatus: 200 }),
    ]);
  });

  it('a delivery failure (30003) ends the message undelivered, with the ErrorCode in its callback', async () => {
    const to = shopperNumber();
    await failNumber({ to, code: 30003 });
    const created = await client.messages.create({ to, from: SENDER, body: 'x', statusCallback: receiver.url('/twilio/status') });
    expect(created.status).toBe('queued');

    const callbacks = await waitFor('the undelivered callback', () => {
      const mine = receiver.received.filter((r) => r.params.MessageSid === created.sid);
      return Promise.resolve(mine.some((c) => c.params.MessageStatus === 'undelivered') ? mine : undefined);
    });
    expect(callbacks.map((c) => [c.params.MessageStatus, c.params.ErrorCode])).toEqual([
      ['queued', undefined],
      ['sent', undefined],
      ['undelivered', '30003'],
    ]);
    const fetched = await client.messages(created.sid).fetch();
    expect(fetched).toEqual(expect.objectContaining({ status: 'undelivered', errorCode: 30003, errorMessage: 'Unreachable destination handset' }));
  });

  it("simulates a shopper's inbound SMS: Twilio's webhook form, correctly signed, and a TwiML reply sent back", async () => {
    const shopper = shopperNumber();
    const post = async (body: string): Promise<{ message: { sid: string }; webhook: { httpStatus: number }; replies: Array<{ to: string; body: string }> }> => {
      const response = await fetch(`${env.apiBaseUrl}/_local/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: shopper, to: SENDER, body, url: receiver.url('/twilio/inbound') }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { message: { sid: string }; webhook: { httpStatus: number }; replies: Array<{ to: string; body: string }> };
    };

    const optOut = await post('退訂');
    expect(optOut.webhook.httpStatus).toBe(200);
    const webhook = receiver.received.find((r) => r.params.MessageSid === optOut.message.sid);
    expect(webhook?.valid).toBe(true);
    expect(webhook?.path).toBe('/twilio/inbound');
    expect(webhook?.params).toEqual(
      expect.objectContaining({ AccountSid: env.accountSid, From: shopper, To: SENDER, Body: '退訂', NumMedia: '0', SmsStatus: 'received', FromCountry: 'HK' }),
    );
    expect(webhook?.params.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);

    const help = await post('HELP');
    expect(help.replies).toEqual([expect.objectContaining({ to: shopper, body: '會員熱線 2345 6789 / Reply STOP to opt out' })]);
    const record = await inbox(shopper);
    expect(record.map((e) => [e.message.direction, e.message.body])).toEqual([
      ['outbound-reply', '會員熱線 2345 6789 / Reply STOP to opt out'],
    ]);
    const received = await inbox({ from: shopper, direction: 'inbound' });
    expect(received.map((e) => e.message.body)).toEqual(['退訂', 'HELP']);
  });

  it('in lose-the-answer mode records the message while the SDK call fails without an answer', async () => {
    const to = shopperNumber();
    await failNumber({ to, loseAnswer: true, times: 1 });

    const error = await client.messages.create({ to, from: SENDER, body: 'Your code is 123456' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(twilio.RestException);
    expect(error).toEqual(expect.objectContaining({ code: 'ECONNRESET' }));

    const recorded = await inbox(to);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toEqual(expect.objectContaining({ answerLost: true, message: expect.objectContaining({ to, body: 'Your code is 123456' }) as unknown }));
  });
});
