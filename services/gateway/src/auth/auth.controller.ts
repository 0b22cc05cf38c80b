import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyStaff, Public } from '../access/access.decorators';
import type { AuthenticatedStaff, StaffRequest } from '../access/authenticated-staff';
import { AuthenticationRequiredError } from '../access/access.errors';
import { CurrentStaff } from '../access/current-staff.decorator';
import { clientAddressOf } from '../http/client-address';
import { StaffResponse } from '../staff/dto/staff.response';
import { StaffService } from '../staff/staff.service';
import { LoginDto } from './dto/login.dto';
import { LoginResponse } from './dto/login.response';
import { LoginService } from './login.service';

export const TOKEN_TTL_SECONDS = Symbol('TOKEN_TTL_SECONDS');

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly staff: StaffService,
    @Inject(TOKEN_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or a deactivated account (one answer for all)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this username or address; see Retry-After' })
  async login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    const result = await this.logins.login(body.username, body.password, clientAddressOf(request));
    return { accessToken: result.accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds, username: result.username, roles: [...result.roles] };
  }

  @AnyStaff()
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: StaffResponse })
  @ApiUnauthorizedResponse({ description: 'No valid access token' })
  async me(@CurrentStaff() caller: AuthenticatedStaff): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.get(caller.username));
  }

  @AnyStaff()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Signed out: the token is refused from now on (401 auth.token-revoked) until it would have expired' })
  @ApiUnauthorizedResponse({ description: 'No valid access token (also one already signed out)' })
  async logout(@Req() request: StaffRequest): Promise<void> {
    if (!request.staffToken) throw new AuthenticationRequiredError('auth.token-missing', 'Sign in first: send Authorization: Bearer <token>.');
    await this.logins.logout(request.staffToken);
  }
}
