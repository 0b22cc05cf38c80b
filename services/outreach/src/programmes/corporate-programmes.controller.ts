import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { CorporateProgrammesService } from './corporate-programmes.service';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { EditProgrammeDto } from './dto/edit-programme.dto';
import { ProgrammeQueryDto } from './dto/programme-query.dto';
import { ProgrammePageResponse, ProgrammeResponse } from './dto/programme.response';

/** Corporate member programmes: the codes companies' employees sign up with. */
@ApiTags('programmes')
@Controller('programmes')
export class CorporateProgrammesController {
  constructor(private readonly programmes: CorporateProgrammesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: ProgrammeResponse, description: 'Active; outreach.corporate-programme-changed is published' })
  @ApiNotFoundResponse({ description: 'companyId names no company' })
  @ApiConflictResponse({ description: 'The code belongs to another programme' })
  async create(@Body() body: CreateProgrammeDto, @Staff() actor: StaffActor): Promise<ProgrammeResponse> {
    const programme = await this.programmes.create(
      {
        companyId: body.companyId,
        ...(body.code !== undefined ? { code: body.code } : {}),
        ...(body.validFrom ? { validFrom: new Date(body.validFrom) } : {}),
        ...(body.validUntil ? { validUntil: new Date(body.validUntil) } : {}),
      },
      actor,
    );
    return ProgrammeResponse.of(programme);
  }

  @Get()
  @ApiOkResponse({ type: ProgrammePageResponse, description: 'Newest first' })
  async list(@Query() query: ProgrammeQueryDto): Promise<ProgrammePageResponse> {
    const filter = {
      ...(query.companyId ? { companyId: query.companyId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.code ? { code: query.code } : {}),
    };
    const { items, ...page } = await this.programmes.list(filter, pageOf(query));
    return { items: items.map((programme) => ProgrammeResponse.of(programme)), ...page };
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProgrammeResponse> {
    return ProgrammeResponse.of(await this.programmes.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProgrammeResponse, description: 'A change that changes something is published with the next revision' })
  @ApiNotFoundResponse()
  async edit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EditProgrammeDto, @Staff() actor: StaffActor): Promise<ProgrammeResponse> {
    const programme = await this.programmes.edit(
      id,
      {
        ...(body.status ? { status: body.status } : {}),
        ...(body.validFrom ? { validFrom: new Date(body.validFrom) } : {}),
        ...(body.validUntil === null ? { validUntil: null } : body.validUntil ? { validUntil: new Date(body.validUntil) } : {}),
      },
      actor,
    );
    return ProgrammeResponse.of(programme);
  }
}
