import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

interface Counter {
  _id: string;
  value: number;
}

/** Hands out card sequence numbers, each once, however many desks register at the same moment. */
@Injectable()
export class CardSequenceRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async next(): Promise<number> {
    const counter = await this.connection
      .collection<Counter>('counters')
      .findOneAndUpdate({ _id: 'card-number' }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
    if (!counter) throw new Error('the card counter did not answer');
    return counter.value;
  }
}
