import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { MergeMembersDto } from './dto/merge-members.dto';
import { MergeResponse } from './dto/merge.response';
import { MergeService } from './merge.service';

@ApiTags('merge')
@Controller('members/:id/merge')
export class MergeController {
  constructor(private readonly merges: MergeService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MergeResponse, description: 'The duplicate is closed into the member; member.merged is published once (asking again changes nothing)' })
  @ApiBadRequestResponse({ description: 'duplicateId is the member itself, or not a UUID; no reason' })
  @ApiNotFoundResponse({ description: 'No such member or duplicate' })
  @ApiConflictResponse({ description: 'One of them is erased, or merged into another member already' })
  async merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MergeMembersDto, @Staff() actor: StaffActor): Promise<MergeResponse> {
    return MergeResponse.of(await this.merges.merge(id, body.duplicateId, body.reason.trim(), actor));
  }
}
