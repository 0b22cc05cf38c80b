import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../complaint.entity';

export class ChangeComplaintStatusDto {
  @ApiProperty({ enum: COMPLAINT_STATUSES, description: 'open → in-progress | resolved; in-progress → resolved; resolved → closed | in-progress; closed is final' })
  @IsIn(COMPLAINT_STATUSES)
  status: ComplaintStatus;

  @ApiPropertyOptional({ example: 'Refunded the parking fee and apologised', maxLength: 2000, description: 'Required to resolve' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution?: string;
}
