import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Staff } from '../campaigns/staff-actor.decorator';
import { ROLES_HEADER, STAFF_HEADER, type StaffActor } from '../campaigns/staff-actor';
import { PreviewSegmentDto } from './dto/preview-segment.dto';
import { SaveSegmentDto } from './dto/save-segment.dto';
import { SegmentPreviewResponse } from './dto/segment-preview.response';
import { SegmentResponse } from './dto/segment.response';
import { SegmentsService } from './segments.service';

const DEFAULT_SAMPLE = 10;

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SegmentPreviewResponse, description: 'How many members the rule selects now, and some of them (phones masked); nothing is saved' })
  @ApiBadRequestResponse({ description: 'The rule is not valid: each problem names its path (rule.all.2.field)' })
  async preview(@Body() body: PreviewSegmentDto): Promise<SegmentPreviewResponse> {
    return SegmentPreviewResponse.of(await this.segments.preview(body.rule, body.sampleSize ?? DEFAULT_SAMPLE));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the author' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: "Set by the gateway: the caller's roles" })
  @ApiCreatedResponse({ type: SegmentResponse })
  @ApiBadRequestResponse({ description: 'The rule is not valid (each problem names its path) or a field is missing; nothing saved' })
  @ApiUnauthorizedResponse({ description: 'No staff identity from the gateway' })
  @ApiConflictResponse({ description: 'Another segment has this name' })
  async create(@Body() body: SaveSegmentDto, @Staff() actor: StaffActor): Promise<SegmentResponse> {
    return SegmentResponse.of(await this.segments.create(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [SegmentResponse], description: 'Every segment, by name (without counts: GET one for its count)' })
  async list(): Promise<SegmentResponse[]> {
    return (await this.segments.list()).map((segment) => SegmentResponse.of(segment));
  }

  @Get(':segmentId')
  @ApiOkResponse({ type: SegmentResponse, description: 'The segment with how many members it selects now' })
  @ApiNotFoundResponse()
  async get(@Param('segmentId', new ParseUUIDPipe()) segmentId: string): Promise<SegmentResponse> {
    const segment = await this.segments.get(segmentId);
    return SegmentResponse.of(segment, await this.segments.countNow(segment));
  }

  @Put(':segmentId')
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway' })
  @ApiOkResponse({ type: SegmentResponse, description: 'Name, description and rule replaced. Campaigns approved already keep the rule they were approved with' })
  @ApiBadRequestResponse({ description: 'The rule is not valid; nothing saved' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another segment has this name' })
  async update(@Param('segmentId', new ParseUUIDPipe()) segmentId: string, @Body() body: SaveSegmentDto, @Staff() actor: StaffActor): Promise<SegmentResponse> {
    return SegmentResponse.of(await this.segments.update(segmentId, body, actor));
  }

  @Delete(':segmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'A campaign that has not finished uses it (campaignIds in the problem)' })
  async delete(@Param('segmentId', new ParseUUIDPipe()) segmentId: string, @Staff() _actor: StaffActor): Promise<void> {
    await this.segments.delete(segmentId);
  }
}
