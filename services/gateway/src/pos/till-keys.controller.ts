import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../access/authenticated-staff';
import { CurrentStaff } from '../access/current-staff.decorator';
import { SUPERVISORS } from '../forwarding/routes/role-groups';
import { IssueTillKeyDto } from './dto/issue-till-key.dto';
import { IssuedTillKeyResponse, TillKeyResponse } from './dto/till-key.response';
import { TillKeysService } from './till-keys.service';

/** Supervisors issue and revoke tenants' till keys: a key records sales that earn points. */
@ApiTags('pos')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token' })
@ApiForbiddenResponse({ description: 'The caller is not a supervisor or admin' })
@Roles(...SUPERVISORS)
@Controller('api/pos/keys')
export class TillKeysController {
  constructor(private readonly keys: TillKeysService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: IssuedTillKeyResponse, description: 'The whole key is in this answer only' })
  async issue(@Body() body: IssueTillKeyDto, @CurrentStaff() staff: AuthenticatedStaff): Promise<IssuedTillKeyResponse> {
    const key = await this.keys.issue(body.tenantId, body.label, staff.username);
    return { ...TillKeyResponse.of(key), apiKey: key.apiKey };
  }

  @Get()
  @ApiQuery({ name: 'tenantId', required: false, description: "Only this tenant's keys" })
  @ApiOkResponse({ type: TillKeyResponse, isArray: true })
  async list(@Query('tenantId') tenantId?: string): Promise<TillKeyResponse[]> {
    return (await this.keys.list(typeof tenantId === 'string' && tenantId !== '' ? tenantId : undefined)).map((key) => TillKeyResponse.of(key));
  }

  @Delete(':keyId')
  @ApiOkResponse({ type: TillKeyResponse, description: 'The key, revoked (revoking again changes nothing)' })
  @ApiNotFoundResponse({ description: 'No key has this id' })
  async revoke(@Param('keyId') keyId: string, @CurrentStaff() staff: AuthenticatedStaff): Promise<TillKeyResponse> {
    return TillKeyResponse.of(await this.keys.revoke(keyId, staff.username));
  }
}
