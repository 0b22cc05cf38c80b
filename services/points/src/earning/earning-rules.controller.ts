import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Caller, ROLES_HEADER, STAFF_HEADER, type StaffCaller } from '../staff/staff-caller';
import { StaffUnknownError } from '../staff/staff.errors';
import { EarningRuleSetResponse } from './dto/earning-rule-set.response';
import { ProposeEarningRulesDto } from './dto/propose-earning-rules.dto';
import { RejectEarningRulesDto } from './dto/reject-earning-rules.dto';
import type { RuleReviewer } from './earning-rule-review';
import { EarningRulesService } from './earning-rules.service';

const NO_STAFF = { status: 401, description: 'No staff member named by the gateway (staff.unknown)' };

@ApiTags('earning-rules')
@Controller('earning-rules')
export class EarningRulesController {
  constructor(private readonly earningRules: EarningRulesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: who proposes the rules (its author)' })
  @ApiCreatedResponse({ type: EarningRuleSetResponse, description: 'Stored as the next version, submitted: it affects earning only once a supervisor other than its author approves it' })
  @ApiResponse({ status: 400, description: 'The rules break a rule or contradict themselves (earning.rules-invalid, or a malformed body); every field at fault is in errors, nothing is stored' })
  @ApiResponse(NO_STAFF)
  @ApiResponse({ status: 503, description: 'Could not assign a version number now (earning.version-contended); try again' })
  async propose(@Body() body: ProposeEarningRulesDto, @Caller() caller: StaffCaller): Promise<EarningRuleSetResponse> {
    if (!caller.staffId) throw new StaffUnknownError();
    return EarningRuleSetResponse.of(await this.earningRules.propose(ProposeEarningRulesDto.toProposal(body), caller.staffId, new Date()));
  }

  @Get()
  @ApiOkResponse({ type: [EarningRuleSetResponse], description: 'Every version, newest first, with who wrote it and who approved or rejected it' })
  async list(): Promise<EarningRuleSetResponse[]> {
    return (await this.earningRules.ruleSets()).map((ruleSet) => EarningRuleSetResponse.of(ruleSet));
  }

  @Get('current')
  @ApiOkResponse({ type: EarningRuleSetResponse, description: 'The approved version in effect now' })
  @ApiResponse({ status: 404, description: 'No approved version is in effect yet (earning.no-rule-set)' })
  async current(): Promise<EarningRuleSetResponse> {
    return EarningRuleSetResponse.of(await this.earningRules.ruleSetAt(new Date()));
  }

  @Get(':version')
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiOkResponse({ type: EarningRuleSetResponse })
  @ApiResponse({ status: 400, description: 'version is not an integer' })
  @ApiResponse({ status: 404, description: 'No such version (earning.version-not-found)' })
  async get(@Param('version', ParseIntPipe) version: number): Promise<EarningRuleSetResponse> {
    return EarningRuleSetResponse.of(await this.earningRules.ruleSet(version));
  }

  @Post(':version/approve')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the approving supervisor' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: "Set by the gateway: the caller's roles; supervisor or admin" })
  @ApiOkResponse({
    type: EarningRuleSetResponse,
    description: 'Approved: prices purchases from its effectiveFrom, moved to a few seconds after the approval if that had passed',
  })
  @ApiResponse({ status: 400, description: 'version is not an integer' })
  @ApiResponse(NO_STAFF)
  @ApiResponse({ status: 403, description: 'The caller is not a supervisor (earning.approver-role-required) or wrote the version (earning.own-version)' })
  @ApiResponse({ status: 404, description: 'No such version (earning.version-not-found)' })
  @ApiResponse({ status: 409, description: 'The version was approved or rejected already (earning.version-not-submitted)' })
  @ApiResponse({ status: 503, description: 'Another review of the version is under way (lock); try again' })
  async approve(@Param('version', ParseIntPipe) version: number, @Caller() caller: StaffCaller): Promise<EarningRuleSetResponse> {
    return EarningRuleSetResponse.of(await this.earningRules.approve(version, reviewerOf(caller), new Date()));
  }

  @Post(':version/reject')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiHeader({ name: STAFF_HEADER, required: true, description: 'Set by the gateway: the rejecting supervisor' })
  @ApiHeader({ name: ROLES_HEADER, required: true, description: "Set by the gateway: the caller's roles; supervisor or admin" })
  @ApiOkResponse({ type: EarningRuleSetResponse, description: 'Rejected with the reason; it never affects earning' })
  @ApiResponse({ status: 400, description: 'version is not an integer, or no reason (field reason)' })
  @ApiResponse(NO_STAFF)
  @ApiResponse({ status: 403, description: 'The caller is not a supervisor (earning.approver-role-required) or wrote the version (earning.own-version)' })
  @ApiResponse({ status: 404, description: 'No such version (earning.version-not-found)' })
  @ApiResponse({ status: 409, description: 'The version was approved or rejected already (earning.version-not-submitted)' })
  @ApiResponse({ status: 503, description: 'Another review of the version is under way (lock); try again' })
  async reject(
    @Param('version', ParseIntPipe) version: number,
    @Body() body: RejectEarningRulesDto,
    @Caller() caller: StaffCaller,
  ): Promise<EarningRuleSetResponse> {
    return EarningRuleSetResponse.of(await this.earningRules.reject(version, reviewerOf(caller), body.reason, new Date()));
  }
}

function reviewerOf(caller: StaffCaller): RuleReviewer {
  if (!caller.staffId) throw new StaffUnknownError();
  return { username: caller.staffId, roles: caller.roles };
}
