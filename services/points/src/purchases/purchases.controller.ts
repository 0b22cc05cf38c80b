import { Controller, Get, ParseIntPipe, Query, DefaultValuePipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RejectedPurchaseView } from './dto/rejected-purchase.response';
import { RejectedPurchasesRepository, type RejectedPurchase } from './rejected-purchases.repository';

/** What staff see of the purchase feed: the sales and refunds that were refused, and why. */
@ApiTags('purchases')
@Controller('purchases')
export class PurchasesController {
  constructor(private readonly rejected: RejectedPurchasesRepository) {}

  @Get('rejected')
  @ApiQuery({ name: 'tenantId', required: false })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: '1 to 500, newest first' })
  @ApiOkResponse({ type: [RejectedPurchaseView], description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'limit is not an integer' })
  async rejectedPurchases(
    @Query('tenantId') tenantId: string | undefined,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ): Promise<RejectedPurchase[]> {
    return this.rejected.list({ ...(tenantId ? { tenantId } : {}), limit: Math.min(Math.max(limit, 1), 500) });
  }
}
