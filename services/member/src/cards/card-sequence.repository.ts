import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import { MembersRepository } from '../members/members.repository';
import { CARD_NUMBER_LENGTH } from './card-number';

export const CARD_PREFIX = Symbol('CARD_PREFIX');

/** Sets the counter to ARGV[1] when it is lower: never backwards, whoever else draws meanwhile. */
const RAISE_TO = "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 0";

/**
 * Hands out card sequence numbers with Redis INCR, which is atomic across every desk and
 * replica (a counter document would not be on FerretDB v1, which loses concurrent updates).
 * The unique index on current card numbers stays the last word: a number Redis hands out twice
 * (after losing its last second of writes) is refused there and the caller takes the next one.
 */
@Injectable()
export class CardSequenceRepository implements OnApplicationBootstrap {
  private readonly key = 'member:card-sequence';

  constructor(
    private readonly redis: RedisConnection,
    private readonly members: MembersRepository,
    @Inject(CARD_PREFIX) private readonly prefix: string,
  ) {}

  /**
   * Starts the counter after the highest card already issued, if Redis has no counter. Asked
   * first: finding the highest card reads every member on FerretDB (a regex and a sort it
   * does not push down; minutes at 100,000 members), which a running counter makes pointless.
   */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.redis.client.exists(this.key)) === 1) return;
    const highest = await this.members.highestCardNumber(this.prefix);
    const issued = highest ? Number(highest.slice(this.prefix.length, CARD_NUMBER_LENGTH - 1)) : 0;
    await this.redis.client.set(this.key, String(issued), 'NX');
  }

  async next(): Promise<number> {
    return this.redis.client.incr(this.key);
  }

  /**
   * Moves the counter past a number issued outside it (an imported card in the centre's own
   * range), atomically, so the next draw does not collide with it.
   */
  async atLeast(cardNumber: string): Promise<void> {
    const sequence = Number(cardNumber.slice(this.prefix.length, CARD_NUMBER_LENGTH - 1));
    await this.redis.client.eval(RAISE_TO, 1, this.key, String(sequence));
  }
}
