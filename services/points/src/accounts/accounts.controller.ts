import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountResponse } from './dto/account.response';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get(':memberId')
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: 'No account (yet) for this member' })
  async get(@Param('memberId', new ParseUUIDPipe()) memberId: string): Promise<AccountResponse> {
    return AccountResponse.of(await this.accounts.get(memberId));
  }
}
