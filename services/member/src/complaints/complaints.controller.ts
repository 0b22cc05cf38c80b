import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { periodOf } from './complaint-period';
import { AssignComplaintDto } from './dto/assign-complaint.dto';
import { ChangeComplaintStatusDto } from './dto/change-complaint-status.dto';
import { ComplaintQueryDto } from './dto/complaint-query.dto';
import { ComplaintPageResponse, ComplaintResponse } from './dto/complaint.response';
import { RecordComplaintDto } from './dto/record-complaint.dto';
import { ComplaintsService } from './complaints.service';

/** Complaints and suggestions (客訴): recorded by the desk, assigned, followed to resolution. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: ComplaintResponse })
  @ApiNotFoundResponse({ description: 'memberId names no member' })
  async record(@Body() body: RecordComplaintDto, @Staff() actor: StaffActor): Promise<ComplaintResponse> {
    return ComplaintResponse.of(await this.complaints.record(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: ComplaintPageResponse })
  async list(@Query() query: ComplaintQueryDto): Promise<ComplaintPageResponse> {
    const filter = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.assignee ? { assignee: query.assignee } : {}),
      ...(query.memberId ? { memberId: query.memberId } : {}),
      ...periodOf(query.from, query.to),
    };
    const { items, ...page } = await this.complaints.list(filter, pageOf(query));
    return { items: items.map((complaint) => ComplaintResponse.of(complaint)), ...page };
  }

  @Get(':id')
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ComplaintResponse> {
    return ComplaintResponse.of(await this.complaints.get(id));
  }

  @Post(':id/assignment')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiConflictResponse({ description: 'The complaint is closed' })
  async assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignComplaintDto, @Staff() actor: StaffActor): Promise<ComplaintResponse> {
    return ComplaintResponse.of(await this.complaints.assign(id, body.assignee, actor));
  }

  @Post(':id/status')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ComplaintResponse, description: 'Resolved ones carry resolvedAt and timeToResolveSeconds' })
  @ApiConflictResponse({ description: 'The transition is not allowed (the problem says which are)' })
  async changeStatus(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeComplaintStatusDto, @Staff() actor: StaffActor): Promise<ComplaintResponse> {
    return ComplaintResponse.of(await this.complaints.changeStatus(id, body.status, body.resolution, actor));
  }
}
