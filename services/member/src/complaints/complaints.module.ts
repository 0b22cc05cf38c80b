import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MemberStoreModule } from '../members/member-store.module';
import { COMPLAINT_MODEL, complaintSchema } from './complaint.schema';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: COMPLAINT_MODEL, schema: complaintSchema }]), MemberStoreModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService],
})
export class ComplaintsModule {}
