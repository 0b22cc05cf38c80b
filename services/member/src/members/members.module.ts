import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxEntryFactory } from '@atrium/messaging';
import type { MemberConfig } from '../config/env.schema';
import { MEMBER_MODEL, memberSchema } from './member.schema';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

@Module({})
export class MembersModule {
  static register(config: Pick<MemberConfig, 'PHONE_DEFAULT_REGION'>): DynamicModule {
    return {
      module: MembersModule,
      imports: [MongooseModule.forFeature([{ name: MEMBER_MODEL, schema: memberSchema }])],
      controllers: [MembersController],
      providers: [
        MembersRepository,
        {
          provide: MembersService,
          inject: [MembersRepository, OutboxEntryFactory],
          useFactory: (repository: MembersRepository, outbox: OutboxEntryFactory) =>
            new MembersService(repository, outbox, config.PHONE_DEFAULT_REGION),
        },
      ],
    };
  }
}
