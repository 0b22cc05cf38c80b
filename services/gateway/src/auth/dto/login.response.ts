import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '../../staff/staff-role';

export class LoginResponse {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>" on staff calls' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 3600, description: 'Seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ example: 'admin' })
  username: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  roles: StaffRole[];
}
