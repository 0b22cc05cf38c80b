import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MemberEvents } from './member-events';
import { MEMBER_MODEL, memberSchema } from './member.schema';
import { MembersRepository } from './members.repository';

/**
 * The members collection, its repository and the member events written with its changes, for
 * every feature that reads or changes members.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: MEMBER_MODEL, schema: memberSchema }])],
  providers: [MembersRepository, MemberEvents],
  exports: [MembersRepository, MemberEvents],
})
export class MemberStoreModule {}
