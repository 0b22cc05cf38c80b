import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Caller, ROLES_HEADER, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffRoleRequiredError, StaffUnknownError } from '../staff/staff.errors';
import { DailyRunResponse } from './dto/daily-run.response';
import { ListDailyRunsQuery } from './dto/list-daily-runs.query';
import { StartDailyRunDto } from './dto/start-daily-run.dto';
import { DailySettlementJob } from './daily-settlement.job';
import { DailySettlementService } from './daily-settlement.service';
import { DailyRunNotFoundError } from './settlement.errors';

/** Who may start a settlement run (finance, or a supervisor standing in). */
export const SETTLING_ROLES: readonly string[] = ['finance', 'supervisor', 'admin'];

/** The daily settlement (日結): started by finance or a supervisor, or by the daily schedule; progress by run. */
@ApiTags('settlement')
@Controller('settlement/daily-runs')
export class DailyRunsController {
  constructor(
    private readonly settlement: DailySettlementService,
    private readonly job: DailySettlementJob,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the staff member' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: 'Set by the gateway: finance, supervisor or admin' })
  @ApiAcceptedResponse({ type: DailyRunResponse, description: 'Queued; follow it at GET /settlement/daily-runs/:id. A day settled before may be run again: it changes nothing' })
  @ApiBadRequestResponse({ description: 'date is not a calendar day, or the day has not ended in the centre' })
  @ApiForbiddenResponse({ description: 'Not finance, a supervisor or an admin' })
  @ApiConflictResponse({ description: 'A run of the day is queued or running (its runId in the problem)' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  async start(@Body() body: StartDailyRunDto, @Caller() caller: StaffCaller): Promise<DailyRunResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    if (!caller.roles.some((role) => SETTLING_ROLES.includes(role))) throw new StaffRoleRequiredError('settlement.finance-only', 'run a settlement', SETTLING_ROLES);
    const run = await this.settlement.request(body.date, caller.staffId);
    await this.job.enqueue(run);
    return DailyRunResponse.of(run);
  }

  @Get()
  @ApiOkResponse({ type: [DailyRunResponse], description: 'Newest first' })
  async list(@Query() query: ListDailyRunsQuery): Promise<DailyRunResponse[]> {
    const runs = await this.settlement.list({ ...(query.date ? { day: query.date } : {}), limit: query.limit ?? 50 });
    return runs.map((run) => DailyRunResponse.of(run));
  }

  @Get(':id')
  @ApiOkResponse({ type: DailyRunResponse })
  @ApiNotFoundResponse({ description: 'No such run' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DailyRunResponse> {
    const run = await this.settlement.find(id);
    if (!run) throw new DailyRunNotFoundError(id);
    return DailyRunResponse.of(run);
  }
}
