import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Caller, ROLES_HEADER, STAFF_HEADER, type StaffCaller } from '../../staff/staff-caller';
import { StaffRoleRequiredError, StaffUnknownError } from '../../staff/staff.errors';
import { SETTLING_ROLES } from '../daily-runs.controller';
import { PeriodRunResponse } from './dto/period-run.response';
import { StartPeriodRunDto } from './dto/start-period-run.dto';
import type { StoredStatements } from './period-run.entity';
import { PeriodInvalidError, PeriodRunNotFoundError, StatementsNotFoundError } from './period-settlement.errors';
import { PeriodSettlementJob } from './period-settlement.job';
import { PeriodSettlementService } from './period-settlement.service';
import { PeriodStatementsResponse } from './dto/period-statements.response';
import { statementsCsv } from './period-statements.csv';
import { isPeriodKey } from './settlement-period';

/** Period settlement (月結): runs started by finance or the monthly schedule, and the statements they store, for finance. */
@ApiTags('settlement')
@Controller('settlement/periods')
export class PeriodSettlementController {
  constructor(
    private readonly settlement: PeriodSettlementService,
    private readonly job: PeriodSettlementJob,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: STAFF_HEADER, required: true })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: 'finance, supervisor or admin' })
  @ApiAcceptedResponse({ type: PeriodRunResponse, description: 'Queued; the first run closes the period. A period settled before may be run again: the same statements, nothing changes' })
  @ApiBadRequestResponse({ description: 'period is not a month, or has not ended' })
  @ApiForbiddenResponse({ description: 'Not finance, a supervisor or an admin' })
  @ApiConflictResponse({ description: 'A run of the period is queued or running (its runId in the problem)' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  async start(@Body() body: StartPeriodRunDto, @Caller() caller: StaffCaller): Promise<PeriodRunResponse> {
    const staffId = finance(caller);
    const run = await this.settlement.request(body.period, staffId);
    await this.job.enqueue(run);
    return PeriodRunResponse.of(run);
  }

  @Get('runs/:id')
  @ApiOkResponse({ type: PeriodRunResponse })
  @ApiNotFoundResponse({ description: 'No such run' })
  async run(@Param('id', new ParseUUIDPipe()) id: string): Promise<PeriodRunResponse> {
    const run = await this.settlement.findRun(id);
    if (!run) throw new PeriodRunNotFoundError(id);
    return PeriodRunResponse.of(run);
  }

  @Get(':period/runs')
  @ApiOkResponse({ type: [PeriodRunResponse], description: 'Newest first' })
  async runs(@Param('period') period: string): Promise<PeriodRunResponse[]> {
    return (await this.settlement.listRuns({ period: validPeriod(period), limit: 50 })).map((run) => PeriodRunResponse.of(run));
  }

  @Get(':period/statements')
  @ApiOkResponse({ type: PeriodStatementsResponse, description: 'The stored statements: per tenant, and the centre\'s totals with the liability at the period\'s end' })
  @ApiNotFoundResponse({ description: 'The period has not been settled' })
  @ApiBadRequestResponse({ description: 'period is not a month (YYYY-MM)' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiForbiddenResponse({ description: 'Not finance, a supervisor or an admin' })
  async statements(@Param('period') period: string, @Caller() caller: StaffCaller): Promise<StoredStatements> {
    finance(caller);
    return this.stored(period);
  }

  @Get(':period/statements.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The same as CSV, one row per tenant and a row of the centre\'s totals' })
  @ApiBadRequestResponse({ description: 'period is not a month (YYYY-MM)' })
  @ApiUnauthorizedResponse({ description: 'No staff member named by the gateway (staff.unknown)' })
  @ApiForbiddenResponse({ description: 'Not finance, a supervisor or an admin' })
  @ApiNotFoundResponse({ description: 'The period has not been settled' })
  async statementsCsv(@Param('period') period: string, @Caller() caller: StaffCaller): Promise<string> {
    finance(caller);
    return statementsCsv(await this.stored(period));
  }

  private async stored(period: string): Promise<StoredStatements> {
    const statements = await this.settlement.statements(validPeriod(period));
    if (!statements) throw new StatementsNotFoundError(period);
    return statements;
  }
}

/** The caller's username when finance, a supervisor or an admin is calling. */
function finance(caller: StaffCaller): string {
  if (!caller.staffId) throw new StaffUnknownError();
  if (!caller.roles.some((role) => SETTLING_ROLES.includes(role))) throw new StaffRoleRequiredError('settlement.finance-only', 'see or run settlements', SETTLING_ROLES);
  return caller.staffId;
}

function validPeriod(period: string): string {
  if (!isPeriodKey(period)) throw new PeriodInvalidError(period);
  return period;
}
