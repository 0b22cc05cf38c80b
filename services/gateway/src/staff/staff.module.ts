import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PasswordHasher } from './password-hasher';
import { StaffRepository } from './staff.repository';
import { STAFF_MODEL, staffSchema } from './staff.schema';
import { StaffService } from './staff.service';
import { StaffSessionsRepository } from './staff-sessions.repository';

/** Staff accounts and their sessions, for whoever needs to look one up or check a password. */
@Module({
  imports: [MongooseModule.forFeature([{ name: STAFF_MODEL, schema: staffSchema }])],
  providers: [StaffRepository, StaffService, StaffSessionsRepository, PasswordHasher],
  exports: [StaffService, StaffSessionsRepository],
})
export class StaffModule {}
