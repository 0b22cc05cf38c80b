import { randomUUID } from 'node:crypto';
import { ControlInputError } from './control-input-error';
import { isRecipientAddress } from './formats';
import { TWILIO_ERROR_CODES, twilioErrorCode } from './twilio-error-codes';

/**
 * What happens to a message for a number the endpoint was told to fail:
 * `reject`: the API refuses the request with the code (nothing is recorded);
 * `fail-delivery`: the API accepts it, the message then ends failed/undelivered with the code;
 * `lose-answer`: the message is recorded, then the connection is destroyed without an answer.
 */
export type FailureAction = 'reject' | 'fail-delivery' | 'lose-answer';

export interface FailureRule {
  id: string;
  /** The recipient (E.164 or channel address), or "*" for every recipient. */
  to: string;
  action: FailureAction;
  /** The Twilio error code (null for lose-answer). */
  code: number | null;
  /** For fail-delivery: the final status of the message. */
  deliveryStatus: 'failed' | 'undelivered' | null;
  /** How many more messages it applies to; null: until removed. */
  remaining: number | null;
  createdAt: string;
}

/**
 * Reads a rule from the control API's JSON: { to, code, stage?, status?, times? } or
 * { to, loseAnswer: true, times? }. The stage defaults to where Twilio reports the code; only
 * the codes of twilio-error-codes.ts are accepted, so a test cannot invent one.
 */
export function parseFailureRule(input: unknown, now: Date): FailureRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ControlInputError('body', 'expected a JSON object');
  }
  const body = input as Record<string, unknown>;
  const allowed = new Set(['to', 'code', 'stage', 'status', 'loseAnswer', 'times']);
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw new ControlInputError(key, `unknown field '${key}' (allowed: ${[...allowed].join(', ')})`);
  }
  const to = body.to;
  if (typeof to !== 'string' || (to !== '*' && !isRecipientAddress(to))) {
    throw new ControlInputError('to', "'to' must be a phone number in E.164 (e.g. +85291234567) or \"*\" for every recipient");
  }
  const times = body.times;
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new ControlInputError('times', "'times' must be a positive integer (omit it for a rule that stays until removed)");
  }
  const base = { id: randomUUID(), to, remaining: typeof times === 'number' ? times : null, createdAt: now.toISOString() };

  if (body.loseAnswer !== undefined) {
    if (body.loseAnswer !== true) throw new ControlInputError('loseAnswer', "'loseAnswer' must be true");
    for (const key of ['code', 'stage', 'status']) {
      if (body[key] !== undefined) throw new ControlInputError(key, `'${key}' does not go with 'loseAnswer'`);
    }
    return { ...base, action: 'lose-answer', code: null, deliveryStatus: null };
  }

  const code = body.code;
  const known = typeof code === 'number' ? twilioErrorCode(code) : undefined;
  if (known === undefined) {
    const codes = TWILIO_ERROR_CODES.map((entry) => entry.code).join(', ');
    throw new ControlInputError('code', `'code' must be one of the Twilio error codes the endpoint knows (${codes}), or give 'loseAnswer': true`);
  }
  const stage = body.stage ?? known.stage;
  if (stage !== 'api' && stage !== 'delivery') throw new ControlInputError('stage', "'stage' must be 'api' or 'delivery'");
  if (stage === 'api') {
    if (body.status !== undefined) throw new ControlInputError('status', "'status' applies to stage 'delivery' only");
    return { ...base, action: 'reject', code: known.code, deliveryStatus: null };
  }
  if (known.deliveryStatus === undefined) {
    throw new ControlInputError('stage', `Twilio reports ${known.code} at the API, not on delivery`);
  }
  const status = body.status ?? known.deliveryStatus;
  if (status !== 'failed' && status !== 'undelivered') throw new ControlInputError('status', "'status' must be 'failed' or 'undelivered'");
  return { ...base, action: 'fail-delivery', code: known.code, deliveryStatus: status };
}

/** The failure rules in force (in memory: a restart of the endpoint forgets them). */
export class FailureRules {
  private readonly rules: FailureRule[] = [];

  add(rule: FailureRule): void {
    this.rules.push(rule);
  }

  list(): readonly FailureRule[] {
    return this.rules;
  }

  remove(id: string): boolean {
    const index = this.rules.findIndex((rule) => rule.id === id);
    if (index < 0) return false;
    this.rules.splice(index, 1);
    return true;
  }

  clear(): number {
    return this.rules.splice(0).length;
  }

  /**
   * The first rule (oldest first) of this action for this recipient, counted as used: a rule
   * with `times` left is dropped when it reaches zero.
   */
  take(to: string, action: FailureAction): FailureRule | undefined {
    const index = this.rules.findIndex((rule) => rule.action === action && (rule.to === '*' || rule.to === to));
    if (index < 0) return undefined;
    const rule = this.rules[index];
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules.splice(index, 1);
    }
    return { ...rule };
  }
}
