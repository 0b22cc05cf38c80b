import { Inject, Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import { OPT_OUTS_FIELD } from './campaign-counters';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { STATUS_RANK } from './recipient-status';

/** recipient-status's ranks as a Lua table, so the script and the records share one order. */
const LUA_RANKS = `{${Object.entries(STATUS_RANK)
  .map(([status, rank]) => `${status} = ${rank}`)
  .join(', ')}}`;

/**
 * Moves recipients' contributions (countedStateOf) in a campaign's counters, atomically and
 * idempotently. KEYS[1] the counters hash, KEYS[2] each recipient's counted state; ARGV[1] the
 * mode, ARGV[2] the TTL of KEYS[2] in seconds, then pairs of recipient id and its state now.
 * Mode `ensure` (a recipient just recorded, or recorded before): count it unless it is counted.
 * Mode `change`: take its counted state off (if any) and add the new one. Mode `forward`: as
 * `change`, only where the new state's status ranks above the counted one's (the records'
 * batched forward-only updates, RecipientsRepository.applyProgress, follow the same rule, so the
 * counters move exactly where the record did). The same state twice changes nothing, so a
 * write repeated after a crash is not counted twice.
 */
const APPLY = `
local RANK = ${LUA_RANKS}
local function rank(state)
  local status = string.match(state, '^status:([^=;]+)=')
  return RANK[status] or -1
end
local function add(state, sign)
  for field, amount in string.gmatch(state, '([^;=]+)=(%-?%d+)') do
    redis.call('HINCRBY', KEYS[1], field, sign * tonumber(amount))
  end
end
local changed = 0
for i = 3, #ARGV, 2 do
  local old = redis.call('HGET', KEYS[2], ARGV[i])
  local apply
  if ARGV[1] == 'forward' then
    apply = (not old) or rank(ARGV[i + 1]) > rank(old)
  else
    apply = old ~= ARGV[i + 1] and not (old and ARGV[1] == 'ensure')
  end
  if apply then
    if old then add(old, -1) end
    add(ARGV[i + 1], 1)
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    changed = changed + 1
  end
end
if changed > 0 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
return changed`;

/**
 * What each recipient is counted as is kept this long after the campaign's last change: long
 * after every status callback; then only the counters stay (a few fields per campaign).
 */
const COUNTED_TTL_SECONDS = 30 * 86_400;
/** Recipients per script call. */
const APPLY_CHUNK = 2_000;

/**
 * A campaign's totals as counters in Redis, so results and "is it finished" never read every
 * record: FerretDB decodes each document it counts or groups, seconds per ten thousand
 * recipients. The records stay the truth; RecipientsRepository moves the counters with every
 * write it makes.
 */
@Injectable()
export class CampaignCountersRepository {
  constructor(
    private readonly redis: RedisConnection,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  /** Counts recipients in these states unless they are counted already. */
  async ensure(campaignId: string, states: ReadonlyMap<string, string>): Promise<void> {
    await this.apply('ensure', campaignId, states);
  }

  /** Moves recipients to these states in the counters. */
  async change(campaignId: string, states: ReadonlyMap<string, string>): Promise<void> {
    await this.apply('change', campaignId, states);
  }

  /** Moves recipients to these states where their status is progress on the counted one. */
  async forward(campaignId: string, states: ReadonlyMap<string, string>): Promise<void> {
    await this.apply('forward', campaignId, states);
  }

  async addOptOut(campaignId: string): Promise<void> {
    await this.redis.client.hincrby(this.countersKey(campaignId), OPT_OUTS_FIELD, 1);
  }

  /** The counters, or undefined when the campaign has none (nothing recorded through this code). */
  async read(campaignId: string): Promise<Record<string, string> | undefined> {
    const counters = await this.redis.client.hgetall(this.countersKey(campaignId));
    return Object.keys(counters).length > 0 ? counters : undefined;
  }

  private async apply(mode: 'ensure' | 'change' | 'forward', campaignId: string, states: ReadonlyMap<string, string>): Promise<void> {
    const entries = [...states];
    for (let start = 0; start < entries.length; start += APPLY_CHUNK) {
      const args = entries.slice(start, start + APPLY_CHUNK).flat();
      await this.redis.client.eval(APPLY, 2, this.countersKey(campaignId), this.countedKey(campaignId), mode, String(COUNTED_TTL_SECONDS), ...args);
    }
  }

  private countersKey(campaignId: string): string {
    return `${this.settings.namespace}:campaign-totals:${campaignId}`;
  }

  private countedKey(campaignId: string): string {
    return `${this.settings.namespace}:campaign-counted:${campaignId}`;
  }
}
