import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { ConsentHistoryResponse } from './dto/consent-history.response';
import { RecordConsentDto } from './dto/record-consent.dto';
import { ConsentService } from './consent.service';

@ApiTags('consent')
@Controller('members/:id/consent')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get()
  @ApiOkResponse({ type: ConsentHistoryResponse, description: 'Current state and every change, newest first' })
  @ApiNotFoundResponse({ description: 'No such member' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ConsentHistoryResponse> {
    const { current, history } = await this.consent.history(id);
    return ConsentHistoryResponse.of(id, current, history);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ConsentHistoryResponse, description: 'Recorded (member.consent-changed published) or already so (nothing added)' })
  @ApiBadRequestResponse({ description: 'A grant without wordingVersion, an unknown channel' })
  async record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordConsentDto, @Staff() actor: StaffActor): Promise<ConsentHistoryResponse> {
    await this.consent.record(id, body, actor);
    const { current, history } = await this.consent.history(id);
    return ConsentHistoryResponse.of(id, current, history);
  }
}
