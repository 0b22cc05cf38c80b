import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxEntryFactory } from '@atrium/messaging';
import { CARD_PREFIX, CardSequenceRepository } from '../cards/card-sequence.repository';
import type { MemberConfig } from '../config/env.schema';
import { MEMBER_MODEL, memberSchema } from './member.schema';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

@Module({})
export class MembersModule {
  static register(config: Pick<MemberConfig, 'PHONE_DEFAULT_REGION' | 'CARD_PREFIX'>): DynamicModule {
    return {
      module: MembersModule,
      imports: [MongooseModule.forFeature([{ name: MEMBER_MODEL, schema: memberSchema }])],
      controllers: [MembersController],
      providers: [
        MembersRepository,
        CardSequenceRepository,
        { provide: CARD_PREFIX, useValue: config.CARD_PREFIX },
        {
          provide: MembersService,
          inject: [MembersRepository, OutboxEntryFactory, CardSequenceRepository],
          useFactory: (repository: MembersRepository, outbox: OutboxEntryFactory, cardSequence: CardSequenceRepository) =>
            new MembersService(repository, outbox, cardSequence, { defaultRegion: config.PHONE_DEFAULT_REGION, cardPrefix: config.CARD_PREFIX }),
        },
      ],
    };
  }
}
