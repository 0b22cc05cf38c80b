import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInputError } from '@atrium/errors';
import { ShopperOnly } from '../access/access.decorators';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import type { AuthenticatedShopper } from './authenticated-shopper';
import { CurrentShopper } from './current-shopper.decorator';
import { sendShopperView, type ShopperView } from './send-answer';
import { callUpstream } from './upstream-call';
import { ShopperAccountView } from './views/shopper-account.view';
import { ShopperLedgerEntryView } from './views/shopper-ledger-entry.view';
import { ShopperMemberView } from './views/shopper-member.view';
import { ShopperNotificationsView } from './views/shopper-notifications.view';
import { ShopperReceiptView } from './views/shopper-receipt.view';
import { ShopperRedemptionView } from './views/shopper-redemption.view';
import { ShopperRewardView } from './views/shopper-reward.view';

/**
 * A signed-in shopper's own records. Every path is built here from the token's member id; what
 * the client sends can narrow a query (period, status) but never choose whose records they are.
 * Every success answer is rebuilt from a shopper view (./views): the services answer staff
 * shapes, and only the fields a view names reach the shopper.
 */
@ApiTags('shopper')
@ApiBearerAuth()
@ShopperOnly()
@Controller('api/shopper/me')
export class SelfServiceController {
  constructor(@Inject(UPSTREAM_URLS) private readonly urls: UpstreamUrls) {}

  @Get()
  @ApiOperation({ summary: 'My membership: card, tier, consent' })
  @ApiOkResponse({ type: ShopperMemberView })
  async profile(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'member', `/members/${encodeURIComponent(shopper.memberId)}`, shopper, ShopperMemberView.of);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'The optional SMS I asked for (an SMS each time a purchase earns me points)' })
  @ApiOkResponse({ type: ShopperNotificationsView })
  async notifications(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'member', `/members/${encodeURIComponent(shopper.memberId)}/notifications`, shopper, ShopperNotificationsView.of);
  }

  @Post('notifications')
  @ApiOperation({ summary: 'Choose the optional SMS I want: { "pointsEarned": true } for an SMS each time a purchase earns me points' })
  @ApiOkResponse({ type: ShopperNotificationsView })
  async setNotifications(
    @CurrentShopper() shopper: AuthenticatedShopper,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The body goes as sent (the member service validates it and names a bad field); the member is the token's.
    await this.post(response, request, 'member', `/members/${encodeURIComponent(shopper.memberId)}/notifications`, objectBody(body), shopper, ShopperNotificationsView.of);
  }

  @Get('points')
  @ApiOperation({ summary: 'My points balances (available, pending, lifetime, redeemed, expired)' })
  @ApiOkResponse({ type: ShopperAccountView })
  async balances(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'points', `/accounts/${encodeURIComponent(shopper.memberId)}`, shopper, ShopperAccountView.of);
  }

  @Get('points/entries')
  @ApiOperation({ summary: 'My points statement: entries with their reasons, filterable by period (from, to)' })
  @ApiOkResponse({ type: [ShopperLedgerEntryView] })
  async statement(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'points', `/ledger/members/${encodeURIComponent(shopper.memberId)}/entries${queryOf(request)}`, shopper, ShopperLedgerEntryView.of);
  }

  @Get('receipts')
  @ApiOperation({ summary: 'Receipts I submitted, with their status and any rejection reason' })
  @ApiOkResponse({ type: [ShopperReceiptView] })
  async receipts(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'points', `/members/${encodeURIComponent(shopper.memberId)}/receipts${queryOf(request)}`, shopper, ShopperReceiptView.of);
  }

  @Post('receipts')
  @ApiOperation({ summary: 'Submit a receipt for points (tenant, receipt number, date, amount, photo)' })
  @ApiCreatedResponse({ type: ShopperReceiptView })
  async submitReceipt(
    @CurrentShopper() shopper: AuthenticatedShopper,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Whatever member the client names, the receipt is the signed-in shopper's.
    await this.post(response, request, 'points', '/receipts', { ...objectBody(body), memberId: shopper.memberId }, shopper, ShopperReceiptView.of);
  }

  @Get('rewards')
  @ApiOperation({ summary: 'Gifts and parking I can exchange points for (積分換禮), with stock per desk' })
  @ApiOkResponse({ type: [ShopperRewardView] })
  async rewards(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'points', `/rewards${queryOf(request)}`, shopper, ShopperRewardView.of);
  }

  @Get('redemptions')
  @ApiOperation({ summary: 'My redemptions and reservations, newest first' })
  @ApiOkResponse({ type: [ShopperRedemptionView] })
  async redemptions(@CurrentShopper() shopper: AuthenticatedShopper, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(response, request, 'points', `/members/${encodeURIComponent(shopper.memberId)}/redemptions`, shopper, ShopperRedemptionView.of);
  }

  @Post('reservations')
  @ApiOperation({ summary: 'Reserve a gift online and collect it at the desk before the reservation expires' })
  @ApiCreatedResponse({ type: ShopperRedemptionView })
  async reserve(@CurrentShopper() shopper: AuthenticatedShopper, @Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    // The points service takes the member from the shopper header only, never from the body.
    await this.post(response, request, 'points', '/reservations', objectBody(body), shopper, ShopperRedemptionView.of);
  }

  @Post('reservations/:redemptionId/cancel')
  @ApiOperation({ summary: 'Cancel my reservation: points and stock go back' })
  @ApiOkResponse({ type: ShopperRedemptionView })
  async cancelReservation(
    @CurrentShopper() shopper: AuthenticatedShopper,
    @Param('redemptionId', new ParseUUIDPipe()) redemptionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.post(response, request, 'points', `/reservations/${redemptionId}/cancel`, {}, shopper, ShopperRedemptionView.of);
  }

  private async relay(response: Response, request: Request, service: 'member' | 'points', path: string, shopper: AuthenticatedShopper, view: ShopperView) {
    sendShopperView(response, await callUpstream(this.urls, service, { method: 'GET', path, memberId: shopper.memberId }, request), service, view);
  }

  private async post(
    response: Response,
    request: Request,
    service: 'member' | 'points',
    path: string,
    body: Record<string, unknown>,
    shopper: AuthenticatedShopper,
    view: ShopperView,
  ) {
    sendShopperView(response, await callUpstream(this.urls, service, { method: 'POST', path, body, memberId: shopper.memberId }, request), service, view);
  }
}

/** A JSON object body, or 400: the services behind name a bad field, but only of an object. */
function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('request.body-not-object', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** The client's query string as sent (it narrows a listing; the member is fixed by the path). */
function queryOf(request: Request): string {
  const index = request.originalUrl.indexOf('?');
  return index === -1 ? '' : request.originalUrl.slice(index);
}
