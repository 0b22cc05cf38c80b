import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { STAFF_ID_PATTERN, STAFF_ID_RULE } from './staff-id';

export class AssignComplaintDto {
  @ApiProperty({ example: 'specialist-bo', description: 'Staff username' })
  @IsString()
  @Matches(STAFF_ID_PATTERN, { message: `assignee ${STAFF_ID_RULE}` })
  assignee: string;
}
