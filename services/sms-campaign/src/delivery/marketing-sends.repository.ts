import { Inject, Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import type { FrequencyCap } from '../compliance/frequency-cap';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';

const DAY_MS = 86_400_000;

/**
 * Checks the cap and reserves a place in one step, so two campaigns sending to one member at
 * the same moment cannot both take the last place. The rule is checkFrequencyCap's: sends
 * within the window before `at` count, and so do sends already reserved for later.
 * KEYS[1] the member's sorted set (recipient id → instant in ms);
 * ARGV recipientId, at, now, windowMs, maxMessages.
 * Returns {1, at} when reserved (or already held), {0, freesAt} when the cap is full.
 */
const RESERVE = `
local existing = redis.call('ZSCORE', KEYS[1], ARGV[1])
if existing then return {1, tonumber(existing)} end
local at = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local max = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local counted = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (at - window), '+inf', 'WITHSCORES')
local n = #counted / 2
if n >= max then
  return {0, tonumber(counted[(n - max) * 2 + 2]) + window}
end
redis.call('ZADD', KEYS[1], at, ARGV[1])
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], tonumber(newest[2]) + window)
return {1, at}`;

export type CapReservation = { readonly reserved: true } | { readonly reserved: false; readonly freesAt: Date };

/**
 * Each member's marketing messages, sent or reserved, in Redis: a sorted set per member of
 * recipient id → the instant the message goes out. Redis, not a member document: every
 * campaign's worker updates it concurrently, and a Lua script is atomic where FerretDB's
 * updates are not (docs/adr/0003). The set forgets sends once they stop counting.
 */
@Injectable()
export class MarketingSendsRepository {
  constructor(
    private readonly redis: RedisConnection,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  /** The member's marketing messages sent or reserved, except `recipientId`'s own reservation. */
  async sendsOf(memberId: string, exceptRecipientId: string): Promise<Date[]> {
    const entries = await this.redis.client.zrange(this.keyOf(memberId), 0, -1, 'WITHSCORES');
    const sends: Date[] = [];
    for (let index = 0; index < entries.length; index += 2) {
      if (entries[index] !== exceptRecipientId) sends.push(new Date(Number(entries[index + 1])));
    }
    return sends;
  }

  /** Takes a place for `recipientId` at `at`, unless the cap is full then; holding one already counts as reserved. */
  async reserve(memberId: string, recipientId: string, at: Date, cap: FrequencyCap, now = new Date()): Promise<CapReservation> {
    const [reserved, instant] = (await this.redis.client.eval(
      RESERVE,
      1,
      this.keyOf(memberId),
      recipientId,
      String(at.getTime()),
      String(now.getTime()),
      String(cap.windowDays * DAY_MS),
      String(cap.maxMessages),
    )) as [number, number];
    return reserved === 1 ? { reserved: true } : { reserved: false, freesAt: new Date(instant) };
  }

  /** Gives a place back: the message will not go out after all. */
  async release(memberId: string, recipientIds: readonly string[]): Promise<void> {
    if (recipientIds.length > 0) await this.redis.client.zrem(this.keyOf(memberId), ...recipientIds);
  }

  private keyOf(memberId: string): string {
    return `${this.settings.namespace}:marketing-sends:${memberId}`;
  }
}
