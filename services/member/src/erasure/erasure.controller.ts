import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberResponse } from '../members/dto/member.response';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { EraseMemberDto } from './dto/erase-member.dto';
import { ErasureService } from './erasure.service';

@ApiTags('erasure')
@Controller('members/:id/erasure')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MemberResponse, description: 'The anonymised tombstone (status erased); member.erased is published once' })
  @ApiForbiddenResponse({ description: 'Not a supervisor' })
  @ApiNotFoundResponse({ description: 'No such member' })
  async erase(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EraseMemberDto, @Staff() actor: StaffActor): Promise<MemberResponse> {
    return MemberResponse.of(await this.erasure.erase(id, body.reason.trim(), actor));
  }
}
