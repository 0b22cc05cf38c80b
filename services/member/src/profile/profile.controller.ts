import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberResponse } from '../members/dto/member.response';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { UpdateContactDto } from './dto/update-contact.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileService } from './profile.service';

/**
 * Staff changes to a member's profile. Two routes so the gateway can tell them apart by path:
 * the whole profile (specialists and supervisors) and the contact details (the desk too).
 */
@ApiTags('profile')
@ApiBadRequestResponse({ description: 'A field is invalid (named in errors[]); nothing is stored' })
@ApiNotFoundResponse({ description: 'No such member' })
@ApiConflictResponse({ description: 'The new phone belongs to another member (existingMemberId)' })
@Controller('members/:id')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Patch()
  @ApiOkResponse({ type: MemberResponse, description: 'Updated; an audit entry and member.profile-updated when anything changed' })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProfileDto, @Staff() actor: StaffActor): Promise<MemberResponse> {
    return MemberResponse.of(await this.profile.update(id, body, actor, 'profile.updated'));
  }

  @Patch('contact')
  @ApiOkResponse({ type: MemberResponse, description: 'Phone and/or preferred language updated, audited and announced as profile updates' })
  async updateContact(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateContactDto, @Staff() actor: StaffActor): Promise<MemberResponse> {
    return MemberResponse.of(await this.profile.update(id, body, actor, 'contact.updated'));
  }
}
