import { ApiProperty } from '@nestjs/swagger';
import { MemberResponse } from '../../members/dto/member.response';
import type { MergeOutcome } from '../merge.service';

export class MergeResponse {
  @ApiProperty({ type: MemberResponse, description: 'The member that stays' })
  survivor: MemberResponse;

  @ApiProperty({ type: MemberResponse, description: 'The duplicate, now status merged with its cards closed' })
  merged: MemberResponse;

  static of(outcome: MergeOutcome): MergeResponse {
    return { survivor: MemberResponse.of(outcome.survivor), merged: MemberResponse.of(outcome.merged) };
  }
}
