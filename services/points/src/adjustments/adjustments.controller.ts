import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, ROLES_HEADER, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { AdjustmentResponse } from './dto/adjustment.response';
import { ListAdjustmentsQuery } from './dto/list-adjustments.query';
import { MakeAdjustmentDto } from './dto/make-adjustment.dto';
import { AdjustmentsService } from './adjustments.service';

@ApiTags('adjustments')
@Controller('adjustments')
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the supervisor' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: 'Set by the gateway: the caller\'s roles; supervisor or admin' })
  @ApiCreatedResponse({ type: AdjustmentResponse, description: 'Made: a ledger entry with its reason, and the audit record' })
  @ApiBadRequestResponse({ description: 'No reason, points 0 or beyond the limit; nothing written' })
  @ApiForbiddenResponse({ description: 'The caller is not a supervisor' })
  @ApiConflictResponse({ description: 'The debit would take available points below zero (available in the problem)' })
  @ApiNotFoundResponse({ description: 'Unknown member (memberId)' })
  async make(@Body() body: MakeAdjustmentDto, @Caller() caller: StaffCaller): Promise<AdjustmentResponse> {
    const reference = body.reference?.trim();
    const adjustment = await this.adjustments.adjust(
      { memberId: body.memberId, points: body.points, reason: body.reason.trim(), ...(reference ? { reference } : {}) },
      caller,
    );
    return AdjustmentResponse.of(adjustment);
  }

  @Get()
  @ApiOkResponse({ type: [AdjustmentResponse], description: 'Newest first' })
  async list(@Query() query: ListAdjustmentsQuery): Promise<AdjustmentResponse[]> {
    const adjustments = await this.adjustments.list({ ...(query.memberId ? { memberId: query.memberId } : {}), limit: query.limit ?? 100 });
    return adjustments.map((adjustment) => AdjustmentResponse.of(adjustment));
  }

  @Get(':adjustmentId')
  @ApiOkResponse({ type: AdjustmentResponse })
  @ApiNotFoundResponse({ description: 'No such adjustment' })
  async get(@Param('adjustmentId', new ParseUUIDPipe()) adjustmentId: string): Promise<AdjustmentResponse> {
    return AdjustmentResponse.of(await this.adjustments.get(adjustmentId));
  }
}
