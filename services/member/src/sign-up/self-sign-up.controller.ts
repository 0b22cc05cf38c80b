import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { MemberResponse } from '../members/dto/member.response';
import { PhoneAlreadyRegisteredError } from '../members/member.errors';
import { MembersService } from '../members/members.service';
import { AlreadyAMemberError } from '../verification/verification.errors';
import { VerificationService } from '../verification/verification.service';
import { SelfSignUpDto } from './dto/self-sign-up.dto';

/** The shoppers' own registration channel, reached through the gateway's /api/shopper/sign-up. */
@ApiTags('sign-up')
@Controller('self-sign-up')
export class SelfSignUpController {
  constructor(
    private readonly verification: VerificationService,
    private readonly members: MembersService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: MemberResponse, description: 'The member exists; member.registered is published with channel self-service' })
  @ApiBadRequestResponse({ description: 'A field is invalid, or the code is wrong, expired or used' })
  @ApiConflictResponse({ description: 'The phone belongs to a member already' })
  async signUp(@Body() body: SelfSignUpDto): Promise<MemberResponse> {
    // The code is used up first: a second sign-up with the same code is refused even if the first failed later.
    const verified = await this.verification.verify(body.phone, 'sign-up', body.code);
    try {
      const member = await this.members.registerSelfService({
        phone: verified.phone,
        name: body.name,
        ...(body.preferredLanguage ? { preferredLanguage: body.preferredLanguage } : {}),
        ...(body.marketingConsent ? { marketingConsent: body.marketingConsent } : {}),
      });
      return MemberResponse.of(member);
    } catch (error) {
      // The desk's 409 names the existing member; this route is public and must not.
      if (error instanceof PhoneAlreadyRegisteredError) throw new AlreadyAMemberError();
      throw error;
    }
  }
}
