import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import { MembersRepository } from '../members/members.repository';
import { CARD_NUMBER_LENGTH } from './card-number';

export const CARD_PREFIX = Symbol('CARD_PREFIX');

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

  /** Starts the counter after the highest card already issued, if Redis has no counter. */
  async onApplicationBootstrap(): Promise<void> {
    const highest = await this.members.highestCardNumber(this.prefix);
    const issued = highest ? Number(highest.slice(this.prefix.length, CARD_NUMBER_LENGTH - 1)) : 0;
    await this.redis.client.set(this.key, String(issued), 'NX');
  }

  async next(): Promise<number> {
    return this.redis.client.incr(this.key);
  }
}
