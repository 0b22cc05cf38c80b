import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberNotFoundError } from '../members/member.errors';
import { MembersRepository } from '../members/members.repository';
import { pageFrom, pageOf, PageQueryDto } from '@atrium/paging';
import { acrossMergedRecords } from '../merge/merged-histories';
import type { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse, AuditPageResponse } from './dto/audit-entry.response';

/**
 * Who changed what in a member's record, newest first, personal values masked, with the entries
 * of the records merged into it (marked `fromMemberId`): the desk sees one person.
 */
@ApiTags('audit')
@Controller('members/:id/audit')
export class AuditController {
  constructor(private readonly members: MembersRepository) {}

  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiNotFoundResponse({ description: 'No such member' })
  async audit(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<AuditPageResponse> {
    const found = await this.members.findAuditWithMerged(id);
    if (!found) throw new MemberNotFoundError(id);
    const mergedIn = found.mergedFrom.length > 0 ? await this.members.findAudits(found.mergedFrom) : new Map<string, AuditEntry[]>();
    const page = pageOf(query);
    const newestFirst = acrossMergedRecords(found.audit, mergedIn, (entry) => entry.at).slice(page.offset, page.offset + page.limit + 1);
    const { items, ...rest } = pageFrom(newestFirst, page);
    return { items: items.map((entry) => AuditEntryResponse.of(entry)), ...rest };
  }
}
