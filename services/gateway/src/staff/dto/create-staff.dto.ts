import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsByteLength, IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../staff-role';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, USERNAME_INPUT, USERNAME_MESSAGE } from './staff-validation';

export class CreateStaffDto {
  @ApiProperty({ example: 'wong.mei', description: 'Sign-in name, unique without regard to case (stored in lower case)' })
  @IsString()
  @Matches(USERNAME_INPUT, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: '黃美玲', description: 'Name shown in the console' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'At least 10 characters, at most 72 bytes in UTF-8' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @IsByteLength(0, PASSWORD_MAX_BYTES, { message: `password must be at most ${PASSWORD_MAX_BYTES} bytes in UTF-8` })
  password: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['desk'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];
}
