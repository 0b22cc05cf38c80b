import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberNotFoundError } from '../members/member.errors';
import { MembersRepository } from '../members/members.repository';
import { pageFrom, pageOf, PageQueryDto } from '@atrium/paging';
import { AuditEntryResponse, AuditPageResponse } from './dto/audit-entry.response';

/** Who changed what in a member's record, newest first, personal values masked. */
@ApiTags('audit')
@Controller('members/:id/audit')
export class AuditController {
  constructor(private readonly members: MembersRepository) {}

  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiNotFoundResponse({ description: 'No such member' })
  async audit(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<AuditPageResponse> {
    const entries = await this.members.findAudit(id);
    if (!entries) throw new MemberNotFoundError(id);
    const page = pageOf(query);
    const newestFirst = [...entries].reverse().slice(page.offset, page.offset + page.limit + 1);
    const { items, ...rest } = pageFrom(newestFirst, page);
    return { items: items.map((entry) => AuditEntryResponse.of(entry)), ...rest };
  }
}
