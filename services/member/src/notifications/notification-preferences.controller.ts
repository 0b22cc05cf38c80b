import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { STAFF_HEADER, type StaffActor } from '@atrium/staff-identity';
import { SHOPPER_HEADER, Shopper } from '../shopper/shopper-caller';
import { OptionalStaff } from '../staff/staff-actor.decorator';
import { NotificationPreferencesResponse } from './dto/notification-preferences.response';
import { SetNotificationPreferencesDto } from './dto/set-notification-preferences.dto';
import { NotYourPreferencesError, PreferencesCallerUnknownError } from './notification-preferences.errors';
import { NotificationPreferencesService, type PreferencesCaller } from './notification-preferences.service';

/**
 * The optional transactional SMS a member wants. Staff set them through the staff proxy (the
 * desk and up); the shopper sets their own through the gateway's /api/shopper/me/notifications,
 * which names the member from the token. A staff header wins over a shopper header (the staff
 * proxy removes the latter anyway).
 */
@ApiTags('notifications')
@ApiNotFoundResponse({ description: 'No such member' })
@Controller('members/:id/notifications')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'What the member wants (all off when they never chose)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationPreferencesResponse> {
    return NotificationPreferencesResponse.of(id, await this.preferences.get(id));
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: false, description: 'Set by the gateway: the staff member recording the member\'s choice (audited)' })
  @ApiHeader({ name: SHOPPER_HEADER, required: false, description: 'Set by the gateway\'s shopper routes: the signed-in member choosing for themself' })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'Set (member.notification-preferences-changed published) or already so (nothing written)' })
  @ApiBadRequestResponse({ description: 'pointsEarned missing or not a boolean, or an unknown field (named in errors[]); nothing is written' })
  @ApiUnauthorizedResponse({ description: 'Neither a staff member nor a shopper is named' })
  @ApiForbiddenResponse({ description: 'A shopper naming another member' })
  @ApiConflictResponse({ description: 'The record was merged or erased' })
  async set(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SetNotificationPreferencesDto,
    @OptionalStaff() staff: StaffActor | undefined,
    @Shopper() shopper: string | undefined,
  ): Promise<NotificationPreferencesResponse> {
    return NotificationPreferencesResponse.of(id, await this.preferences.set(id, { pointsEarned: body.pointsEarned }, callerOf(id, staff, shopper)));
  }
}

function callerOf(memberId: string, staff: StaffActor | undefined, shopper: string | undefined): PreferencesCaller {
  if (staff) return { kind: 'staff', actor: staff };
  if (!shopper) throw new PreferencesCallerUnknownError();
  if (shopper !== memberId.toLowerCase()) throw new NotYourPreferencesError();
  return { kind: 'shopper' };
}
