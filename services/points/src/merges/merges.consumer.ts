import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { TOPICS, type MemberMerged } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { MemberEventInvalidError } from '../accounts/account.errors';
import { MergeTransferService } from './merge-transfer.service';

/** `member.merged`: the merged record's account is closed and its points move to the surviving member. */
@Controller()
export class MergesConsumer {
  constructor(private readonly merges: MergeTransferService) {}

  @ConsumeEvent(TOPICS.memberEvents, 'member.merged')
  async onMerged(@Payload() event: ConsumedEvent<MemberMerged>): Promise<void> {
    const { survivingMemberId, mergedMemberId, closedCardNumbers, mergedAt } = event.payload;
    if (survivingMemberId === mergedMemberId) throw new MemberEventInvalidError(event.type, 'survivingMemberId', 'is the merged member');
    await this.merges.transfer({ mergedMemberId, survivingMemberId, closedCardNumbers, mergedAt: timestampDate(mergedAt!) }, event.type);
  }
}
