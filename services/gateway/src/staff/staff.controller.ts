import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { CreateStaffDto } from './dto/create-staff.dto';
import { StaffResponse } from './dto/staff.response';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid access token' })
@ApiForbiddenResponse({ description: 'The caller is not an admin' })
@Roles('admin')
@Controller('api/auth/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: StaffResponse })
  @ApiConflictResponse({ description: 'The username is taken (whatever its case)' })
  async create(@Body() body: CreateStaffDto): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.create(body));
  }

  @Get()
  @ApiOkResponse({ type: StaffResponse, isArray: true })
  async list(): Promise<StaffResponse[]> {
    return (await this.staff.list()).map((account) => StaffResponse.of(account));
  }

  @Patch(':username')
  @ApiOkResponse({ type: StaffResponse })
  @ApiNotFoundResponse({ description: 'No account has this username' })
  @ApiConflictResponse({ description: 'The change would leave no active admin' })
  async update(@Param('username') username: string, @Body() body: UpdateStaffDto): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.update(username, body));
  }
}
