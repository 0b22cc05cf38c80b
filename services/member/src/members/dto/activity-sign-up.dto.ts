import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RegisterMemberDto } from './register-member.dto';

/** A shopper signed up at a member activity (會員活動), entered by staff there. */
export class ActivitySignUpDto extends RegisterMemberDto {
  @ApiProperty({ example: 'act-2026-xmas-fair', maxLength: 64, description: 'The activity\'s id: kept as the member\'s source (sourceRef)' })
  // One rule, so a missing id is one problem: text of 1 to 64 characters, no spaces at either end.
  @Matches(/^\S(.{0,62}\S)?$/, { message: 'activityId must be the activity\'s id: 1 to 64 characters, no spaces at either end' })
  activityId: string;
}
