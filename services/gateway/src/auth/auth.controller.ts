import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyStaff, Public } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../access/authenticated-staff';
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
}
