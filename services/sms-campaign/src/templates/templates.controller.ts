import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Staff } from '../campaigns/staff-actor.decorator';
import { ROLES_HEADER, STAFF_HEADER, type StaffActor } from '../campaigns/staff-actor';
import { AnalyseTextDto } from './dto/analyse-text.dto';
import { PreviewTemplateDto } from './dto/preview-template.dto';
import { SaveTemplateDto } from './dto/save-template.dto';
import { TemplatePreviewResponse, TextAnalysisResponse } from './dto/template-preview.response';
import { BodyAnalysisView, TemplateResponse } from './dto/template.response';
import type { SmsTemplate } from './template-record.entity';
import { TemplatesService } from './templates.service';

// TemplateResponse.analysis refers to BodyAnalysisView by $ref: the document must carry it.
@ApiExtraModels(BodyAnalysisView)
@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the author' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: "Set by the gateway: the caller's roles" })
  @ApiCreatedResponse({ type: TemplateResponse, description: 'Saved as a draft, with its compliance problems listed' })
  @ApiBadRequestResponse({ description: 'Unknown variables, brace mistakes, unknown languages, empty or too long texts: each names its field (bodies.en); nothing saved' })
  @ApiUnauthorizedResponse({ description: 'No staff identity from the gateway' })
  @ApiConflictResponse({ description: 'Another template has this name' })
  async create(@Body() body: SaveTemplateDto, @Staff() actor: StaffActor): Promise<TemplateResponse> {
    return this.view(await this.templates.create(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [TemplateResponse], description: 'Every template, by name' })
  async list(): Promise<TemplateResponse[]> {
    return (await this.templates.list()).map((template) => this.view(template));
  }

  @Post('analyse')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TextAnalysisResponse, description: 'Encoding, characters, segments and cost of one message of this text' })
  analyse(@Body() body: AnalyseTextDto): TextAnalysisResponse {
    return TextAnalysisResponse.of(this.templates.analyse(body.text));
  }

  @Get(':templateId')
  @ApiOkResponse({ type: TemplateResponse })
  @ApiNotFoundResponse()
  async get(@Param('templateId', new ParseUUIDPipe()) templateId: string): Promise<TemplateResponse> {
    return this.view(await this.templates.get(templateId));
  }

  @Put(':templateId')
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway' })
  @ApiOkResponse({ type: TemplateResponse, description: 'Replaced; an approved template is a draft again and needs a new approval' })
  @ApiBadRequestResponse({ description: 'As for creating; nothing saved' })
  @ApiNotFoundResponse()
  async update(@Param('templateId', new ParseUUIDPipe()) templateId: string, @Body() body: SaveTemplateDto, @Staff() actor: StaffActor): Promise<TemplateResponse> {
    return this.view(await this.templates.update(templateId, body, actor));
  }

  @Delete(':templateId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'A campaign that has not finished sends it (campaignIds in the problem)' })
  async delete(@Param('templateId', new ParseUUIDPipe()) templateId: string, @Staff() _actor: StaffActor): Promise<void> {
    await this.templates.delete(templateId);
  }

  @Post(':templateId/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TemplatePreviewResponse, description: "The message as this member would receive it, in the member's language, with counts and cost" })
  @ApiNotFoundResponse({ description: 'No such template, or no such member in the projection' })
  async preview(@Param('templateId', new ParseUUIDPipe()) templateId: string, @Body() body: PreviewTemplateDto): Promise<TemplatePreviewResponse> {
    return TemplatePreviewResponse.of(await this.templates.preview(templateId, body.memberId));
  }

  @Post(':templateId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the approving supervisor' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: 'Set by the gateway: supervisor or admin' })
  @ApiOkResponse({ type: TemplateResponse, description: 'Approved' })
  @ApiBadRequestResponse({ description: 'template.not-compliant: a version lacks the signature or the opt-out instruction of its language (each named, bodies.en)' })
  @ApiForbiddenResponse({ description: 'Not a supervisor, or the approver wrote or last edited it (template.own-template)' })
  @ApiConflictResponse({ description: 'Approved already' })
  async approve(@Param('templateId', new ParseUUIDPipe()) templateId: string, @Staff() actor: StaffActor): Promise<TemplateResponse> {
    return this.view(await this.templates.approve(templateId, actor));
  }

  private view(template: SmsTemplate): TemplateResponse {
    return TemplateResponse.of(template, this.templates.complianceProblems(template));
  }
}
