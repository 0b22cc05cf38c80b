import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInputError } from '@atrium/errors';
import { Public } from '../access/access.decorators';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import { ShopperTokenService } from './shopper-token.service';
import { callUpstream, type UpstreamAnswer } from './upstream-call';
import { sendAnswer, sendShopperView } from './send-answer';
import { ShopperSessionResponse } from './dto/shopper-session.response';
import { ShopperSignUpResponse } from './dto/shopper-sign-up.response';
import { ShopperCodeRequestView } from './views/shopper-code-request.view';
import { ShopperMemberView } from './views/shopper-member.view';

/**
 * How a shopper gets a self-service token: ask for a code by SMS, then sign up or sign in with
 * it. The member service owns codes and members (limits, expiry, attempts); the gateway relays
 * its answers as they are and mints the token only when it has vouched for the member.
 */
@ApiTags('shopper')
@Public()
@Controller('api/shopper')
export class ShopperSessionController {
  constructor(
    @Inject(UPSTREAM_URLS) private readonly urls: UpstreamUrls,
    private readonly tokens: ShopperTokenService,
  ) {}

  @Post('codes')
  @ApiOperation({ summary: 'Send a 6-digit code by SMS to sign up or sign in (rate-limited per phone and per address)' })
  @ApiBody({ schema: { type: 'object', required: ['phone', 'purpose'], properties: { phone: { type: 'string' }, purpose: { enum: ['sign-up', 'sign-in'] } } } })
  @ApiAcceptedResponse({ type: ShopperCodeRequestView })
  async requestCode(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await callUpstream(this.urls, 'member', { method: 'POST', path: '/verification-codes', body: objectBody(body) }, request);
    sendShopperView(response, answer, 'member', ShopperCodeRequestView.of);
  }

  @Post('sign-up')
  @ApiOperation({ summary: 'Become a member with a code sent by SMS; answers the member and a shopper token' })
  @ApiCreatedResponse({ type: ShopperSignUpResponse })
  async signUp(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await callUpstream(this.urls, 'member', { method: 'POST', path: '/self-sign-up', body: objectBody(body) }, request);
    const member = answer.status === 201 ? memberIdIn(answer, 'id') : undefined;
    if (member === undefined) return sendAnswer(response, answer);
    response.status(HttpStatus.CREATED).json({ member: ShopperMemberView.of(JSON.parse(answer.body)), session: await this.session(member) });
  }

  @Post('session')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in as a member with a code sent by SMS; answers a shopper token' })
  @ApiOkResponse({ type: ShopperSessionResponse })
  async signIn(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await callUpstream(
      this.urls,
      'member',
      { method: 'POST', path: '/verification-codes/verify', body: { ...objectBody(body), purpose: 'sign-in' } },
      request,
    );
    const member = answer.status === 200 ? memberIdIn(answer, 'memberId') : undefined;
    if (member === undefined) return sendAnswer(response, answer);
    response.status(HttpStatus.OK).json(await this.session(member));
  }

  private async session(memberId: string): Promise<ShopperSessionResponse> {
    return { accessToken: await this.tokens.issue(memberId), tokenType: 'Bearer' as const, expiresIn: this.tokens.ttlSeconds, memberId };
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('request.body-not-object', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** The member id in a success answer, or undefined when the member service's answer has none. */
function memberIdIn(answer: UpstreamAnswer, field: string): string | undefined {
  try {
    const value = (JSON.parse(answer.body) as Record<string, unknown>)[field];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
