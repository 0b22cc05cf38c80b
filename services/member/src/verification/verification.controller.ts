import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { InvalidInputError } from '@atrium/errors';
import { RequestCodeDto } from './dto/request-code.dto';
import { VerifyCodeDto } from './dto/verify-code.dto';
import { VerificationService, type CodeRequestOutcome } from './verification.service';

/** Set by the gateway to the shopper's address (the gateway's own address would limit everyone at once). */
const CLIENT_ADDRESS_HEADER = 'x-atrium-client-address';

/** Codes by SMS for the shoppers' self-service; reached through the gateway's /api/shopper routes. */
@ApiTags('verification')
@Controller('verification-codes')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'A code is on its way if the request can be served (sign-in answers alike for unknown numbers); a phone the carrier blocks gets 409 instead' })
  @ApiConflictResponse({
    description:
      'problem+json: `verification.already-a-member` (sign-up for a number that is a member already) or `verification.number-blocked-by-carrier` (the carrier blocks SMS to the phone, Twilio 21610: no code can arrive; texting START lifts it), naming `phone`',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many codes for this phone or address; see Retry-After' })
  async request(@Body() body: RequestCodeDto, @Headers(CLIENT_ADDRESS_HEADER) clientAddress: string | undefined): Promise<CodeRequestOutcome> {
    if (!clientAddress) throw new InvalidInputError('verification.address-missing', `The ${CLIENT_ADDRESS_HEADER} header is required (the gateway sets it).`);
    return this.verification.requestCode(body.phone, body.purpose, body.language ?? 'zh-Hans', clientAddress);
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The code is right; it is used up. For sign-in, answers the member id' })
  async verify(@Body() body: VerifyCodeDto): Promise<{ phone: string; memberId?: string }> {
    return this.verification.verify(body.phone, body.purpose, body.code);
  }
}
