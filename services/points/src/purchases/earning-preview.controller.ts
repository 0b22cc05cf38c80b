import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PurchaseRecordedSchema } from '@atrium/contracts';
import type { Earning } from '../earning/earning-calculator';
import { PreviewEarningDto } from './dto/preview-earning.dto';
import { PurchaseIngestService } from './purchase-ingest.service';

/** "What would this purchase earn?" — the feed's own checks and rules, writing nothing. */
@ApiTags('earning')
@Controller('earning')
export class EarningPreviewController {
  constructor(private readonly ingest: PurchaseIngestService) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Points, rule version and how they came about; 400 with the reason the feed would refuse it' })
  async preview(@Body() body: PreviewEarningDto): Promise<Earning> {
    const sale = create(PurchaseRecordedSchema, {
      receiptNumber: 'preview',
      tenantId: body.tenantId,
      cardNumber: body.cardNumber ?? '',
      phone: body.phone ?? '',
      amountMinor: BigInt(body.amountMinor),
      currency: body.currency,
      occurredAt: timestampFromDate(body.occurredAt ? new Date(body.occurredAt) : new Date()),
      category: body.category ?? '',
    });
    return this.ingest.preview(sale);
  }
}
