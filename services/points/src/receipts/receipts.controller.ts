import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Caller, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffUnknownError } from '../staff/staff.errors';
import { ListReceiptsQuery } from './dto/list-receipts.query';
import { ReceiptResponse } from './dto/receipt.response';
import { RejectReceiptDto } from './dto/reject-receipt.dto';
import { SubmitReceiptDto } from './dto/submit-receipt.dto';
import type { ReceiptSubmitter } from './receipt.entity';
import { ReceiptApprovalService } from './receipt-approval.service';
import { ReceiptsService } from './receipts.service';

/** Receipts handed in by shoppers or the desk, and staff's decisions on them. */
@ApiTags('receipts')
@Controller('receipts')
export class ReceiptsController {
  constructor(
    private readonly receipts: ReceiptsService,
    private readonly approval: ReceiptApprovalService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: false, description: 'Set by the gateway: the desk staff member submitting; absent for a shopper\'s own submission' })
  @ApiCreatedResponse({ type: ReceiptResponse, description: 'Recorded as pending, or approved at once when the tenant\'s feed reported the same sale without a member' })
  @ApiBadRequestResponse({ description: 'A field breaks a rule (cut-off, minimum amount, a date in the future, currency); nothing is written' })
  @ApiNotFoundResponse({ description: 'Unknown member or tenant (the field is named)' })
  @ApiConflictResponse({ description: 'Duplicate (existingReceiptId), sale already earned (entryId), daily limit reached, member frozen or tenant closed' })
  async submit(@Body() body: SubmitReceiptDto, @Caller() caller: StaffCaller): Promise<ReceiptResponse> {
    const submittedBy: ReceiptSubmitter = caller.staffId ? { channel: 'desk', staffId: caller.staffId } : { channel: 'shopper' };
    const receipt = await this.receipts.submit(
      {
        memberId: body.memberId,
        tenantId: body.tenantId,
        receiptNumber: body.receiptNumber,
        purchasedAt: new Date(body.purchasedAt),
        amountMinor: body.amountMinor,
        currency: body.currency,
        photo: body.photo.trim(),
      },
      submittedBy,
    );
    return ReceiptResponse.of(receipt);
  }

  @Get()
  @ApiOkResponse({ type: [ReceiptResponse], description: 'Newest first' })
  async list(@Query() query: ListReceiptsQuery): Promise<ReceiptResponse[]> {
    const receipts = await this.receipts.list({
      ...(query.status ? { status: query.status } : {}),
      ...(query.memberId ? { memberId: query.memberId } : {}),
      ...(query.tenantId ? { tenantId: query.tenantId } : {}),
      limit: query.limit ?? 100,
    });
    return receipts.map((receipt) => ReceiptResponse.of(receipt));
  }

  @Get(':receiptId')
  @ApiOkResponse({ type: ReceiptResponse })
  @ApiNotFoundResponse({ description: 'No such receipt' })
  async get(@Param('receiptId', new ParseUUIDPipe()) receiptId: string): Promise<ReceiptResponse> {
    return ReceiptResponse.of(await this.receipts.get(receiptId));
  }

  @Post(':receiptId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who approves' })
  @ApiOkResponse({ type: ReceiptResponse, description: 'Approved: the sale earned its points by the earning rules (pending through the return window)' })
  @ApiConflictResponse({ description: 'Decided already (receiptStatus), the sale earned points for another member (entryId), or the member is frozen' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such receipt' })
  async approve(@Param('receiptId', new ParseUUIDPipe()) receiptId: string, @Caller() caller: StaffCaller): Promise<ReceiptResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return ReceiptResponse.of(await this.approval.approve(receiptId, { by: 'staff', staffId: caller.staffId }));
  }

  @Post(':receiptId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who rejects' })
  @ApiOkResponse({ type: ReceiptResponse, description: 'Rejected; the member sees the reason in their list' })
  @ApiConflictResponse({ description: 'Decided already (receiptStatus)' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiNotFoundResponse({ description: 'No such receipt' })
  async reject(
    @Param('receiptId', new ParseUUIDPipe()) receiptId: string,
    @Body() body: RejectReceiptDto,
    @Caller() caller: StaffCaller,
  ): Promise<ReceiptResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return ReceiptResponse.of(await this.approval.reject(receiptId, caller.staffId, body.reason.trim()));
  }
}
