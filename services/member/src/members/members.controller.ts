import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OptionalStaff, Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { ActivitySignUpDto } from './dto/activity-sign-up.dto';
import { DeskRegistrationDto } from './dto/desk-registration.dto';
import { MemberResponse } from './dto/member.response';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: MemberResponse, description: 'The member is registered (channel desk, or corporate with the code as sourceRef); member.registered is published' })
  @ApiNotFoundResponse({ description: 'corporateCode is no corporate programme\'s code' })
  @ApiConflictResponse({ description: 'The phone number belongs to a member already (existingMemberId in the problem), or the corporate code is suspended, not valid yet or expired (reason in the problem)' })
  async register(@Body() body: DeskRegistrationDto, @OptionalStaff() actor: StaffActor | undefined): Promise<MemberResponse> {
    return MemberResponse.of(await this.members.registerAtDesk(body, actor));
  }

  @Post('activity-sign-ups')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: MemberResponse, description: 'The member is registered with channel activity and the activity as source; member.registered is published' })
  @ApiConflictResponse({ description: 'The phone number belongs to a member already (existingMemberId in the problem)' })
  async signUpAtActivity(@Body() body: ActivitySignUpDto, @Staff() actor: StaffActor): Promise<MemberResponse> {
    return MemberResponse.of(await this.members.registerAtActivity(body, actor));
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberResponse> {
    return MemberResponse.of(await this.members.get(id));
  }
}
