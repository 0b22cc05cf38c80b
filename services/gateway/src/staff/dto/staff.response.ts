import { ApiProperty } from '@nestjs/swagger';
import type { StaffAccount } from '../staff-account.entity';
import { STAFF_ROLES, type StaffRole } from '../staff-role';

/** A staff account as the API shows it: never the password hash. */
export class StaffResponse {
  @ApiProperty({ example: 'wong.mei' })
  username: string;

  @ApiProperty({ example: '黃美玲' })
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  roles: StaffRole[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static of(account: StaffAccount): StaffResponse {
    return {
      username: account.username,
      displayName: account.displayName,
      roles: [...account.roles],
      active: account.active,
      createdAt: account.createdAt.toISOString(),
    };
  }
}
