import { PickType } from '@nestjs/swagger';
import { UpdateProfileDto } from './update-profile.dto';

/**
 * The contact details the desk may change: how the centre reaches the member (phone) and in
 * which language. Name, birthday, district, interests and tags are the specialists'.
 */
export class UpdateContactDto extends PickType(UpdateProfileDto, ['phone', 'preferredLanguage'] as const) {}
