import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EarningRuleSetResponse } from './dto/earning-rule-set.response';
import { ProposeEarningRulesDto } from './dto/propose-earning-rules.dto';
import { EarningRulesService } from './earning-rules.service';

/** The gateway puts the signed-in staff member's username here (and overwrites whatever a caller sent). */
const STAFF_HEADER = 'x-atrium-staff';

@ApiTags('earning-rules')
@Controller('earning-rules')
export class EarningRulesController {
  constructor(private readonly earningRules: EarningRulesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({ name: STAFF_HEADER, required: false, description: 'Set by the gateway: who proposes the rules' })
  @ApiCreatedResponse({ type: EarningRuleSetResponse, description: 'Stored as the next version; applies to purchases from its effectiveFrom' })
  @ApiBadRequestResponse({ description: 'The rules break a rule or contradict themselves; every field at fault is in errors, nothing is stored' })
  async propose(@Body() body: ProposeEarningRulesDto, @Headers(STAFF_HEADER) staff: string | undefined): Promise<EarningRuleSetResponse> {
    const proposedBy = staff?.trim() || 'unknown';
    return EarningRuleSetResponse.of(await this.earningRules.propose(ProposeEarningRulesDto.toProposal(body), proposedBy, new Date()));
  }

  @Get()
  @ApiOkResponse({ type: [EarningRuleSetResponse], description: 'Every version, newest first' })
  async list(): Promise<EarningRuleSetResponse[]> {
    return (await this.earningRules.ruleSets()).map((ruleSet) => EarningRuleSetResponse.of(ruleSet));
  }

  @Get('current')
  @ApiOkResponse({ type: EarningRuleSetResponse, description: 'The version in effect now' })
  @ApiNotFoundResponse({ description: 'No version is in effect yet' })
  async current(): Promise<EarningRuleSetResponse> {
    return EarningRuleSetResponse.of(await this.earningRules.ruleSetAt(new Date()));
  }
}
