import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MEMBER_MODEL, memberSchema } from './member.schema';
import { MembersRepository } from './members.repository';

/** The members collection and its repository, for every feature that reads or changes members. */
@Module({
  imports: [MongooseModule.forFeature([{ name: MEMBER_MODEL, schema: memberSchema }])],
  providers: [MembersRepository],
  exports: [MembersRepository],
})
export class MemberStoreModule {}
