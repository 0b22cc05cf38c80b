import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../access/access.decorators';
import { CurrentTillKey } from './current-till-key.decorator';
import { TillAcceptedResponse, TillRefundsDto, TillSalesDto } from './dto/till-batch.dto';
import type { TillKey } from './till-key.entity';
import { TillKeyGuard } from './till-key.guard';
import { TillsService } from './tills.service';

/** Tenants' tills send sales and refunds here with their API key instead of writing to Kafka. */
@ApiTags('pos')
@ApiBearerAuth('till-key')
@ApiUnauthorizedResponse({ description: 'The till API key is missing, unknown or revoked (problem+json)' })
@ApiTooManyRequestsResponse({ description: 'Too many requests with this key; Retry-After says when to try again' })
@ApiBadRequestResponse({ description: 'A field is invalid, or the batch is empty or too large; problem+json names the field; nothing accepted' })
@ApiForbiddenResponse({ description: "An item names another tenant than the key's; problem+json names the item; nothing accepted" })
@Public()
@UseGuards(TillKeyGuard)
@Controller('api/pos')
export class TillsController {
  constructor(private readonly tills: TillsService) {}

  @Post('purchases')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: TillAcceptedResponse, description: 'Every sale is on the purchases topic; a resent sale has the same event id and earns once' })
  async recordSales(@CurrentTillKey() key: TillKey, @Body() body: TillSalesDto): Promise<TillAcceptedResponse> {
    return { accepted: await this.tills.recordSales(key, body.items) };
  }

  @Post('refunds')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: TillAcceptedResponse, description: 'Every refund is on the purchases topic; a resent refund has the same event id and reverses once' })
  async recordRefunds(@CurrentTillKey() key: TillKey, @Body() body: TillRefundsDto): Promise<TillAcceptedResponse> {
    return { accepted: await this.tills.recordRefunds(key, body.items) };
  }
}
