import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberReceiptResponse } from './dto/member-receipt.response';
import { ReceiptsService } from './receipts.service';

/** How many of a member's receipts the list shows, newest first. */
const MEMBER_LIST_LIMIT = 200;

/** A member's own receipts, with each one's status, points or rejection reason (for self-service). */
@ApiTags('receipts')
@Controller('members/:memberId/receipts')
export class MemberReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get()
  @ApiOkResponse({ type: [MemberReceiptResponse], description: `The member's receipts, newest first (at most ${MEMBER_LIST_LIMIT})` })
  async list(@Param('memberId', new ParseUUIDPipe()) memberId: string): Promise<MemberReceiptResponse[]> {
    const receipts = await this.receipts.list({ memberId, limit: MEMBER_LIST_LIMIT });
    return receipts.map((receipt) => MemberReceiptResponse.of(receipt));
  }
}
